"""Bad input through the command line: nothing crashes, nothing is lost, each problem named once.

One corpus mixes good documents with every kind of bad file a real folder holds. The good
documents' triples must all be in the graph; each bad file is reported exactly once with its
reason; the exit status (3) says that something was skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import rdflib

from extract.documents import Skipped, SourceText, iter_documents
from tests.test_cli import run_kg

GOOD_A = "Marie Curie discovered polonium in Paris."
GOOD_B = "Alan Turing designed the Automatic Computing Engine."
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def _facts(out: Path) -> set[tuple[str, str, str]]:
    records = [json.loads(line) for line in (out / "triples.jsonl").read_text().splitlines()]
    return {(r["subject"], r["predicate"], r["object"]) for r in records}


def _sources(out: Path) -> set[str]:
    return {json.loads(line)["source"]
            for line in (out / "triples.jsonl").read_text().splitlines()}


@pytest.fixture()
def messy_corpus(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "nested" / "deeper").mkdir(parents=True)
    (corpus / "good_a.txt").write_text(GOOD_A, encoding="utf-8")
    (corpus / "nested" / "deeper" / "good_b.md").write_text(GOOD_B, encoding="utf-8")
    (corpus / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "Ada Lovelace wrote the first program."
                                     .encode("utf-8"))
    (corpus / "utf16.txt").write_bytes("Grace Hopper invented the compiler.".encode("utf-16"))
    (corpus / "latin1.txt").write_bytes("Gérard Dépardieu visited the château near Orléans."
                                        .encode("cp1252"))
    (corpus / "broken_bytes.txt").write_bytes(
        "Émile Zola wrote novels.".encode("utf-8") + b" \xff\xfe\xfa Zola lived in Paris.")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_text("  \n\t \n")
    (corpus / "punctuation.txt").write_text("!!! ... ??? --- ;;;")
    (corpus / "numbers.txt").write_text("123 456\n7.89 10,000")
    (corpus / "nul.txt").write_bytes(b"Some text\x00\x01\x02 with NUL bytes")
    (corpus / "image_named.txt").write_bytes(PNG)
    (corpus / "picture.png").write_bytes(PNG)
    (corpus / "data.csv").write_text("name,value\nx,1\n")
    (corpus / "broken_link.txt").symlink_to(corpus / "does_not_exist.txt")
    (corpus / "loop_a.txt").symlink_to(corpus / "loop_b.txt")
    (corpus / "loop_b.txt").symlink_to(corpus / "loop_a.txt")
    (corpus / "nested" / "folder_loop").symlink_to(corpus, target_is_directory=True)
    os.mkfifo(corpus / "pipe.txt")
    return corpus


BAD = {
    "empty.txt": "empty",
    "blank.txt": "empty",
    "punctuation.txt": "no words",
    "numbers.txt": "no words",
    "nul.txt": "binary",
    "image_named.txt": "binary",
    "broken_link.txt": "broken symbolic link",
    "loop_a.txt": "symbolic link loop",
    "loop_b.txt": "symbolic link loop",
    "pipe.txt": "not a regular file",
}


@pytest.mark.integration
def test_messy_corpus_keeps_good_documents_and_names_each_bad_one(messy_corpus, tmp_path):
    out = tmp_path / "out"
    missing = tmp_path / "no_such_folder"
    result = run_kg("build", str(messy_corpus), str(missing), "-o", str(out), check=False,
                    timeout=300)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    stderr_lines = result.stderr.splitlines()
    for name, reason in BAD.items():
        mentions = [line for line in stderr_lines if line.strip().startswith(
            str(messy_corpus / name) + ":")]
        assert len(mentions) == 1, (name, result.stderr)
        assert reason in mentions[0], (name, mentions[0])
    assert sum(str(missing) in line for line in stderr_lines) == 1
    # Non-text extensions are skipped silently by default.
    assert "picture.png" not in result.stderr and "data.csv" not in result.stderr
    # Legacy and broken encodings are decoded, with a warning naming the file.
    assert any("latin1.txt" in line and "warning" in line for line in stderr_lines)
    assert any("broken_bytes.txt" in line and "warning" in line for line in stderr_lines)

    sources = _sources(out)
    assert {"good_a.txt", "nested/deeper/good_b.md", "bom.txt", "utf16.txt",
            "latin1.txt", "broken_bytes.txt"} <= sources
    facts = _facts(out)
    assert ("Marie Curie", "discover", "polonium") in facts
    assert any(s == "Alan Turing" and p == "design" for s, p, _ in facts)
    assert any("Dépardieu" in s for s, _, _ in facts)
    graph = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    labels = {str(o) for o in graph.objects(None, rdflib.RDFS.label)}
    assert {"Marie Curie", "Grace Hopper"} <= labels


@pytest.mark.integration
def test_include_flag_reads_other_extensions(messy_corpus, tmp_path):
    out = tmp_path / "out"
    result = run_kg("build", str(messy_corpus / "picture.png"), str(messy_corpus / "data.csv"),
                    str(messy_corpus / "good_a.txt"), "-o", str(out), check=False)
    assert result.returncode == 3
    assert "picture.png" in result.stderr and "binary" in result.stderr
    csv_run = run_kg("build", str(messy_corpus), "--include", "*.csv", "-o", str(tmp_path / "c"),
                     "--quiet")
    assert "data.csv" in _sources(tmp_path / "c")
    assert csv_run.returncode == 0


@pytest.mark.integration
def test_nothing_readable_exits_1_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    (tmp_path / "empty.txt").write_text("")
    result = run_kg("build", str(tmp_path / "empty.txt"), "-o", str(out), check=False)
    assert result.returncode == 1
    assert "nothing was written" in result.stderr
    assert not out.exists()


@pytest.mark.integration
def test_unreadable_file_is_reported(tmp_path):
    """An unreadable file, for real: as root, the run drops to the nobody user."""
    shared = Path(tempfile.mkdtemp(prefix="kg-perm-"))
    try:
        shared.chmod(0o777)
        (shared / "good.txt").write_text(GOOD_A)
        secret = shared / "secret.txt"
        secret.write_text(GOOD_B)
        secret.chmod(0o000)
        out = shared / "out"
        command = [sys.executable, "-m", "kg", "build", str(shared), "-o", str(out), "--quiet"]
        env = dict(os.environ, HOME=str(shared))
        if os.geteuid() == 0:
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        result = subprocess.run(command, capture_output=True, text=True, env=env,
                                cwd=str(shared), timeout=300)
        assert result.returncode == 3, result.stderr
        assert f"{secret}: cannot be read: permission denied" in result.stderr
        assert _sources(out) == {"good.txt"}
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def test_file_deleted_between_listing_and_reading(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GOOD_A.replace("Paris", name))
    items = iter_documents([tmp_path])
    first = next(items)
    assert isinstance(first, SourceText)
    (tmp_path / "b.txt").unlink()
    rest = list(items)
    assert isinstance(rest[0], Skipped) and "vanished" in rest[0].reason
    assert isinstance(rest[1], SourceText) and rest[1].document.id == "c.txt"


@pytest.mark.slow
def test_ten_thousand_tiny_files_in_nested_folders(tmp_path):
    corpus = tmp_path / "many"
    for i in range(10_000):
        folder = corpus / f"f{i // 1000}" / f"g{i // 100 % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"n{i:05d}.txt").write_text(f"Person{i} met Person{i + 1}.")
    out = tmp_path / "out"
    result = run_kg("build", str(corpus), "-o", str(out), "--quiet", "--jobs", "2", timeout=1200)
    assert result.returncode == 0, result.stderr
    stats = json.loads(run_kg("stats", str(out / "graph.ttl"), "--json").stdout)
    assert stats["documents"] == 10_000


@pytest.mark.integration
def test_same_inputs_give_identical_outputs_whatever_the_listing_order(tmp_path):
    texts = {f"d{i}.txt": f"Writer{i} praised Painter{i % 3} in City{i % 2}." for i in range(12)}
    corpus = tmp_path / "corpus"
    for run, order in (("o1", sorted(texts)), ("o2", sorted(texts, reverse=True))):
        shutil.rmtree(corpus, ignore_errors=True)
        corpus.mkdir()
        for name in order:  # creation order differs, so directory listing order differs
            (corpus / name).write_text(texts[name])
        run_kg("build", str(corpus), "-o", str(tmp_path / run), "--quiet")
    for name in ("graph.ttl", "graph.html", "triples.jsonl"):
        assert (tmp_path / "o1" / name).read_bytes() == (tmp_path / "o2" / name).read_bytes()


@pytest.mark.integration
def test_existing_output_folder_is_not_wiped(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.md").write_text("mine")
    doc = tmp_path / "doc.txt"
    doc.write_text(GOOD_A)
    run_kg("build", str(doc), "-o", str(out), "--quiet")
    assert (out / "notes.md").read_text() == "mine"
    assert sorted(p.name for p in out.iterdir()) == [
        ".kg-outputs.json", "graph.html", "graph.ttl", "notes.md", "triples.jsonl"]


def _outputs_intact(out: Path) -> None:
    rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    for line in (out / "triples.jsonl").read_text().splitlines():
        json.loads(line)
    assert (out / "graph.html").read_text().rstrip().endswith("</html>")


def _big_corpus(tmp_path: Path) -> Path:
    from tests.data import SEED_ARTICLE

    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    corpus = tmp_path / "big"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"copy{i:02d}.txt").write_text(seed.replace("Xu Liang", f"Xu Liang {i}"))
    return corpus


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_build_leaves_previous_outputs_intact(tmp_path, sig):
    out = tmp_path / "out"
    doc = tmp_path / "doc.txt"
    doc.write_text(GOOD_A)
    run_kg("build", str(doc), "-o", str(out), "--quiet")
    before = {name: (out / name).read_bytes()
              for name in ("graph.ttl", "graph.html", "triples.jsonl")}
    corpus = _big_corpus(tmp_path)
    started = time.perf_counter()
    run_kg("build", str(corpus), "-o", str(tmp_path / "timing"), "--quiet")
    duration = time.perf_counter() - started
    for fraction in (0.3, 0.6, 0.8, 0.9, 0.97):
        process = subprocess.Popen(
            [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(duration * fraction)
        process.send_signal(sig)
        _stdout, stderr = process.communicate(timeout=120)
        _outputs_intact(out)
        if process.returncode in (-signal.SIGKILL, 130):
            # Killed before the last rename: every file is the old one or the new one.
            for name, data in before.items():
                current = (out / name).read_bytes()
                assert current == data or current == (tmp_path / "timing" / name).read_bytes()
        if sig == signal.SIGINT and process.returncode == 130:
            assert "Traceback" not in stderr
            assert stderr.strip().splitlines() == [
                "kg: interrupted; outputs written before this run are left as they were."]


LONG_WORDS = ("internationalization", "counterrevolutionaries", "telecommunications",
              "interdisciplinary", "characteristically", "electroencephalograph",
              "misunderstandings", "photosynthesizing")
MARKER = "Marie Curie discovered polonium in Paris."


def _peak_rss(args: list[str], timeout: float) -> tuple[int, str, int]:
    """Run ``kg args`` as a direct child and read its own peak RSS from wait4 (Linux: KiB)."""
    stderr_file = tempfile.TemporaryFile(mode="w+")
    pid = os.fork()
    if pid == 0:  # child: become kg
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
            os.dup2(stderr_file.fileno(), 2)
            os.execv(sys.executable, [sys.executable, "-m", "kg", *args])
        finally:
            os._exit(127)
    deadline = time.monotonic() + timeout
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.wait4(pid, 0)
            raise AssertionError(f"kg {' '.join(args)} ran longer than {timeout} s")
        time.sleep(0.5)
    stderr_file.seek(0)
    return os.waitstatus_to_exitcode(status), stderr_file.read(), usage.ru_maxrss * 1024


@pytest.mark.slow
def test_twenty_megabyte_single_line_without_sentence_breaks(tmp_path):
    import random

    rng = random.Random(7)
    path = tmp_path / "one_line.txt"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(MARKER[:-1] + " ")
        while handle.tell() < 20 * 1024 * 1024:
            handle.write(" ".join(rng.choice(LONG_WORDS) for _ in range(5000)) + " ")
    assert path.read_bytes().count(b"\n") == 0
    code, stderr, peak = _peak_rss(["build", str(path), "-o", str(tmp_path / "out"),
                                    "--quiet", "--jobs", "2"], timeout=2400)
    assert code == 0, stderr
    print(f"peak RSS of the largest process: {peak / 2**20:.0f} MiB")  # shown by make test-slow
    assert peak < 1.5 * 2**30, f"peak RSS {peak / 2**20:.0f} MiB"


@pytest.mark.slow
def test_fifty_megabyte_document_streams_in_bounded_memory(tmp_path):
    """50 MB are decoded and parsed piece by piece; offsets still index the whole file."""
    import random

    rng = random.Random(11)
    path = tmp_path / "huge.txt"
    markers = []
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("date 2024-02-24\n")
        chars = len("date 2024-02-24\n")
        while chars < 50 * 1024 * 1024:
            paragraph = ". ".join(
                " ".join(rng.choice(LONG_WORDS) for _ in range(12)).capitalize()
                for _ in range(400)) + ".\n\n"
            handle.write(paragraph)
            chars += len(paragraph)
            if len(markers) < 40 and chars // (1024 * 1024) > len(markers):
                markers.append(chars)
                handle.write(MARKER + "\n\n")
                chars += len(MARKER) + 2
    out = tmp_path / "out"
    code, stderr, peak = _peak_rss(["build", str(path), "-o", str(out), "--quiet", "--jobs", "2"],
                                   timeout=3000)
    assert code == 0, stderr
    print(f"peak RSS of the largest process: {peak / 2**20:.0f} MiB")  # shown by make test-slow
    assert peak < 1.5 * 2**30, f"peak RSS {peak / 2**20:.0f} MiB"
    records = [json.loads(line) for line in (out / "triples.jsonl").read_text().splitlines()]
    found = sorted(r["sentence_start"] for r in records
                   if (r["subject"], r["predicate"], r["object"]) ==
                   ("Marie Curie", "discover", "polonium"))
    assert found == markers
    with open(path, encoding="utf-8") as handle:
        for start in found[:3] + found[-3:]:
            handle.seek(0)
            assert handle.read(start + len(MARKER))[start:] == MARKER
