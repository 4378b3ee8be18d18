"""What the graph may assert: the construction table of negation, attribution and conditions.

Each row is a real sentence (from benchmarks/news/lee_dev, the seed, or written in their style),
run through the real model and the whole extractor. ``expected`` lists facts that must be
extracted as ``(subject key, predicate, object key)`` with what the sentence says of them;
``never`` lists facts that must not be asserted as plain triples (they may be absent, or
present as negated, attributed or conditional statements).
"""

from __future__ import annotations

import pytest

from extract.pipeline import extract
from kg.voice import STATED, mention_voice

DOC = "news.txt"


def _facts(nlp, text: str) -> dict[tuple[str, str, str], dict]:
    """``{(subject key, predicate, object key): what the mention says}`` of ``text``."""
    found = {}
    for triple in extract([(DOC, text)], nlp):
        p = triple.provenance
        found[(triple.subject.key, triple.predicate, triple.object.key)] = {
            "negated": triple.negated,
            # the voice alone: these rows test the voice rules, not the confidence threshold
            "asserted": mention_voice(p, negated=triple.negated, min_confidence=0.0) == STATED,
            "stance": p.stance,
            "reported_by": p.reported_by,
            "attributed_to": p.attributed_to,
            "conditional": p.conditional,
            "modality": p.modality,
        }
    return found


ROWS = [
    # Negation by determiner and by "never".
    ("The US administration had no clue about the plan.",
     {("united states administration", "have", f"clue@{DOC}"): {"negated": True}}, []),
    ("China's big tech giants are no strangers to the forefront of AI research.",
     {("china's big tech giant", "be", f"stranger@{DOC}"): {"negated": True}}, []),
    ("Israel has never attacked Gaza.",
     {("israel", "attack", "gaza"): {"negated": True}}, []),
    ("Neither Howard nor Beazley attended the conference.",
     {("howard", "attend", f"conference@{DOC}"): {"negated": True},
      ("beazley", "attend", f"conference@{DOC}"): {"negated": True}}, []),
    ("The minister met neither the premier nor the governor.",
     {(f"minister@{DOC}", "meet", f"premier@{DOC}"): {"negated": True}}, []),
    ("The man left the shop without paying the bill.",
     {(f"man@{DOC}", "pay", f"bill@{DOC}"): {"negated": True}}, []),
    ("The rising was postponed without any uprising occurring until 5 June.",
     {(f"uprising@{DOC}", "occur until", "5 june"): {"negated": True}}, []),
    ("The army failed to stop the attack.",
     {(f"army@{DOC}", "stop", f"attack@{DOC}"): {"negated": True}}, []),
    ("The party lacks funds.",
     {(f"party@{DOC}", "have", f"fund@{DOC}"): {"negated": True}}, []),
    # A negated "have" denies the participle clause after its subject; a plain one does not
    # (GUM fit, onion).
    ("So you don’t have writers coming up with a story and headline, but you will instead "
     "have a team of writers choosing the best headlines.",
     {(f"writer@{DOC}", "come up with", f"story@{DOC}"): {"negated": True},
      (f"writer@{DOC}", "choose", f"best headline@{DOC}"): {"negated": False}}, []),
    # A negative adverbial denies its clause: "in no way", "at no point" (issue 24, GUM fit).
    ("The company in no way wished to be associated with the scandal.",
     {(f"company@{DOC}", "wish to be associated with", f"scandal@{DOC}"): {"negated": True}},
     []),
    ("At no point did the minister meet the rebels.",
     {(f"minister@{DOC}", "meet", f"rebel@{DOC}"): {"negated": True}}, []),
    # Contrastive "not just ... but also" denies nothing.
    ("The journey is not just about technological prowess but also about ambition.",
     {(f"journey@{DOC}", "be about", "technological prowess"): {"negated": False,
                                                                 "asserted": True}}, []),
    # ... nor does "not ... only" later in the clause (GUM fit sentences).
    ("The universities don't consist of only urban kids; they also come from the smaller "
     "areas.", {(f"university@{DOC}", "consist of", f"urban kid@{DOC}"): {"negated": False}},
     []),
    ("The institutions do not exist solely to credential experts.",
     {(f"institution@{DOC}", "exist to", f"credential expert@{DOC}"): {"negated": False}}, []),
    # "nor" denies the clause it opens: "nor did they think X" leaves X in doubt, as "they did
    # not think X" does; nobody claims it (lee).
    ("Both Simon Wiget and Stefan Abegglen told the court of their sorrow about the accident, "
     "but denied making any mistakes, nor did they think weather conditions were "
     "inappropriate.",
     {(f"weather condition@{DOC}", "be", f"inappropriate@{DOC}"): {
         "stance": "questioned", "asserted": False}}, []),
    # A quotation is its speaker's, whatever the verb that introduces it (GUM fit).
    ("Yvette Cooper continued: \"Labour has a common-sense plan to fast-track cases.\"",
     {("labour", "have", f"common-sense plan@{DOC}"): {"reported_by": "continue",
                                                       "attributed_to": "yvette cooper"}},
     [("labour", "have", f"common-sense plan@{DOC}")]),
    # "X's argument is that ...": the argument's content is X's claim (GUM fit).
    ("On the other hand, the defence's argument is that the fire started at the smoking chair.",
     {(f"fire@{DOC}", "start at", "smoking chair"): {"reported_by": "argument",
                                                     "attributed_to": f"defence@{DOC}"}},
     [(f"fire@{DOC}", "start at", "smoking chair")]),
    # A participle opened by "if" is a condition (GUM fit).
    ("A letter, if judged by the novelty of its ideas, is a great piece of writing.",
     {(f"letter@{DOC}", "be judged by", "novelty of idea"): {"conditional": True}}, []),
    # Denial: the denied content is never asserted.
    # What a verb asks its object to do is asked for, not done, and nobody's claim
    # (issue 24: "ask", "encourage", "require" are no verbs of saying).
    ("Police urged business owners to turn over security-camera videotapes.",
     {(f"business owner@{DOC}", "turn over", f"security-camera videotape@{DOC}"): {
         "reported_by": None, "modality": "intended", "asserted": False}}, []),
    ("Microsoft has launched an aggressive campaign to persuade users to stop using IE6.",
     {(f"user@{DOC}", "stop use", "ie6"): {"reported_by": None, "modality": "intended",
                                            "asserted": False}}, []),
    # ... but what a participle says of a noun holds ("intended" is wrong on it).
    ("Applying for a visa required the entire team to travel through territory controlled by "
     "the Taliban.",
     {(f"territory@{DOC}", "be controlled by", "taliban"): {"modality": None,
                                                            "reported_by": None,
                                                            "asserted": True}}, []),
    ("For us, defining the transmedia fan is of particular relevance as we seek to understand "
     "social transformations engendered by digital technologies.",
     {(f"social transformation@{DOC}", "be engendered by", f"digital technology@{DOC}"): {
         "modality": None, "asserted": True}}, []),
    ("The ceremony was simple, rather than the noisy traditional wedding, attended only by Hu "
     "Shih and one other friend.",
     {(f"ceremony@{DOC}", "attend by", "hu shih"): {"modality": None, "asserted": True}}, []),
    # What is checked is in question; what a complaint says is the complainer's (GUM fit).
    ("It simulates the error of not checking that the coordinate system is correct.",
     {("coordinate system", "be", f"correct@{DOC}"): {"stance": "questioned",
                                                     "reported_by": "check",
                                                     "asserted": False}}, []),
    ("The pseudonym comes from her mother's complaint that \"Mourey\", their legal surname, "
     "pulled up only Jenna's videos on Google.",
     {("mourey", "pull up", "only jenna's video"): {"reported_by": "complaint",
                                                          "asserted": False}}, []),
    # What someone is focused on achieving is not yet achieved (issue 24).
    ("The charity focused on achieving universal access to clean water.",
     {(f"charity@{DOC}", "achieve", "universal access"): {"modality": "intended",
                                                           "asserted": False}}, []),
    ("The Spanish parliament is expected to vote in favour of banning the group.",
     {("spanish parliament", "ban", f"group@{DOC}"): {"modality": "intended",
                                                      "asserted": False}}, []),
    ("Tel has denied claims he misled the board.",
     {("tel", "deny", f"claim@{DOC}"): {"asserted": True},
      ("tel", "mislead", f"board@{DOC}"): {"stance": "denied", "reported_by": "deny",
                                           "attributed_to": "tel", "asserted": False}}, []),
    ("The minister rejected reports that the army had killed civilians.",
     {(f"army@{DOC}", "kill", f"civilian@{DOC}"): {"stance": "denied", "asserted": False}},
     []),
    # Allegation and accusation: the accuser's claim, not the text's.
    ("Officials accused Arafat of supporting terrorism.",
     {("arafat", "support", f"terrorism@{DOC}"): {"reported_by": "accuse", "asserted": False},
      (f"official@{DOC}", "accuse", "arafat"): {"asserted": True}}, []),
    # Reported speech and "according to".
    ("Mr Fleischer said Colin Powell had delivered the same message.",
     {("colin powell", "deliver", f"message@{DOC}"): {"reported_by": "say",
                                                      "attributed_to": "fleischer",
                                                      "asserted": False}}, []),
    ("According to court documents, agents found the warheads in a storage unit.",
     {(f"agent@{DOC}", "find", f"warhead@{DOC}"): {"reported_by": "according to",
                                                    "asserted": False}}, []),
    ("Xu Liang makes a bold prediction: China is on the cusp of releasing generative AI "
     "services.",
     {("china", "release", "generative ai service"): {"reported_by": "predict",
                                                      "attributed_to": "xu liang",
                                                      "asserted": False}},
     []),
    # A verb of saying under negation leaves its clause in doubt.
    ("U.S. intelligence cannot say conclusively that Saddam Hussein has weapons of mass "
     "destruction.",
     {("saddam hussein", "have", f"weapon of mass destruction@{DOC}"): {
         "stance": "questioned", "reported_by": "say", "asserted": False}}, []),
    # Intentions reach coordinated verbs, never what happened before or after them.
    ("Many MEPs want to go further and dispatch a European military force to the region.",
     {(f"many mep@{DOC}", "dispatch", f"european military force@{DOC}"): {
         "modality": "intended", "asserted": False}}, []),
    ("A second rescue attempt was planned for dawn today after rescuers braved heavy seas.",
     {(f"rescuer@{DOC}", "brave", f"heavy sea@{DOC}"): {"modality": None, "asserted": True}},
     []),
    ("The money enabled al-Qa'ida to fund training camps in Afghanistan.",
     {("al qa'ida", "fund", f"training camp@{DOC}"): {"reported_by": None, "asserted": True}},
     []),
    # A share keeps what it is a share of.
    ('"Approximately 20 per cent of voyeurs have also committed sexual assault," Ellis said.',
     {(f"approximately 20 per cent of voyeur@{DOC}", "commit", "sexual assault"): {
         "attributed_to": "ellis", "asserted": False}}, []),
    # A participle after another clause: the authorities reveal nothing here.
    ("In the Czech Republic, authorities were counting the cost of the massive flooding as "
     "people returned to the homes and the Vlava river receded, revealing the full extent of "
     "the damage.", {(f"people@{DOC}", "return to", f"home@{DOC}"): {"asserted": True}},
     [(f"authority@{DOC}", "reveal", "full extent"),
      (f"people@{DOC}", "return to", "vlava river")]),
    # Conditions and hypothetical modals.
    # Conditions the parser reads as a participle, an adverb or a noun (made up; "as long
    # as" from GUM fit) ...
    ("The bank will lend the firm money provided that the firm cuts costs.",
     {(f"bank@{DOC}", "lend", "firm money"): {"conditional": True, "asserted": False},
      (f"firm@{DOC}", "cut", f"cost@{DOC}"): {"conditional": True, "asserted": False}}, []),
    ("The firm will pay the workers as long as the factory stays open.",
     {(f"firm@{DOC}", "pay", f"worker@{DOC}"): {"conditional": True, "asserted": False}}, []),
    ("The bank will lend money on condition that the firm cuts costs.",
     {(f"firm@{DOC}", "cut", f"cost@{DOC}"): {"conditional": True, "asserted": False}}, []),
    ("Should the talks fail, Israel will attack Gaza.",
     {("israel", "attack", "gaza"): {"conditional": True, "asserted": False}}, []),
    ("In the event that the talks fail, Israel will attack Gaza.",
     {("israel", "attack", "gaza"): {"conditional": True, "asserted": False}}, []),
    # ... but "in case" conditions only its own clause, and "in some cases" or "the event won
    # by" open no condition (lee_background).
    ("The company keeps cash in case the bank fails.",
     {(f"company@{DOC}", "keep", f"cash@{DOC}"): {"conditional": False, "asserted": True}},
     []),
    ("The winners of each event received five thousand dollars but Welsh had an early night "
     "when he was the first eliminated in the 50 metres event won by Ray Hass.",
     {("50 metres event", "be won by", "ray hass"): {"conditional": False}}, []),
    # ... and the clause of "as if" compares with what is not so.
    ("The driver acted as if the road belonged to the city.",
     {(f"road@{DOC}", "belong to", f"city@{DOC}"): {"conditional": True, "asserted": False}},
     []),
    ("If the talks fail, Israel will attack Gaza.",
     {("israel", "attack", "gaza"): {"conditional": True, "asserted": False}}, []),
    # ... but only a clause with a verb is a condition; "as if" compares, "even if" concedes
    # (GUM fit sentences).
    ("In fact, many, if not all, the markers of expertise identified by philosophers enjoy "
     "widespread recognition.",
     {(f"marker of expertise@{DOC}", "enjoy", "widespread recognition"): {
         "conditional": False, "asserted": True}}, []),
    ("Her mentor did not return her passionate, if discreet, love for him.",
     {(f"mentor@{DOC}", "return", f"passionate@{DOC}"): {"conditional": False}}, []),
    ("Even if the talks fail, Israel will not attack Gaza.",
     {("israel", "attack", "gaza"): {"conditional": False, "negated": True}}, []),
    # "not only X" says X and more; "aren’t" with a curly apostrophe denies.
    ("Yes, but marriage is not only a question of dignity, as if that were not enough.",
     {(f"marriage@{DOC}", "be question of", f"dignity@{DOC}"): {
         "negated": False, "conditional": False, "asserted": True}}, []),
    ("It means that borders aren\u2019t important and distances aren\u2019t important.",
     {(f"border@{DOC}", "be", f"important@{DOC}"): {"negated": True},
      (f"distance@{DOC}", "be", f"important@{DOC}"): {"negated": True}}, []),
    # "whether" asks; hedges make a hypothesis; "accept that" is a claim of who accepts.
    ("Academics have difficulty assessing whether particular journals are legitimate.",
     {(f"particular journal@{DOC}", "be", f"legitimate@{DOC}"): {
         "stance": "questioned", "conditional": False, "asserted": False}}, []),
    ("It's possible that the fields are clones produced asexually.",
     {(f"field@{DOC}", "be", f"clone@{DOC}"): {"reported_by": "possible",
                                               "asserted": False}}, []),
    ("The cause of the fire was most probably an electrical fire.",
     {("cause of fire", "be", f"electrical fire@{DOC}"): {"reported_by": "probably",
                                                          "asserted": False}}, []),
    ("Most economists accept that the deficit will hurt growth.",
     {(f"deficit@{DOC}", "hurt", f"growth@{DOC}"): {
         "reported_by": "accept", "attributed_to": f"most economist@{DOC}",
         "asserted": False}}, []),
    # Clauses joined by "or": either may be so, neither is stated; denied, neither is so
    # (issue 24, GUM fit).
    ("His fellow-Scots Paul Menzies and Alexander Livingston also found themselves in Russia "
     "fleeing religious intolerance or seeking adventure.",
     {("alexander livingston", "flee", "religious intolerance"): {
         "modality": "may", "negated": False, "asserted": False},
      ("alexander livingston", "seek", f"adventure@{DOC}"): {
          "modality": "may", "negated": False, "asserted": False}}, []),
    # Objects opened by "either" and joined by "or": neither is stated (GUM fit).
    ("And that meant that meant that the cause of the fire was most probably either an "
     "electrical fire or a cigarette fire.",
     {("cause of fire", "be", f"electrical fire@{DOC}"): {
         "modality": "may", "asserted": False},
      ("cause of fire", "be", f"cigarette fire@{DOC}"): {
          "modality": "may", "asserted": False}}, []),
    # A denied verb of coming to know reports nothing: what she did not realize holds, and
    # is the text's own statement, not her claim (GUM fit, Higuchi).
    ("Nor did she realize that he wrote popular literature which aimed to please the general "
     "public and in no way wished to be associated with serious literature.",
     {("popular literature", "aim to please", "general public"): {
         "reported_by": None, "asserted": True}}, []),
    ("The men did not smoke cigars or drink wine.",
     {(f"man@{DOC}", "smoke", f"cigar@{DOC}"): {"negated": True, "modality": None},
      (f"man@{DOC}", "drink", f"wine@{DOC}"): {"negated": True, "modality": None}}, []),
    ("The men smoked cigars and drank wine.",
     {(f"man@{DOC}", "smoke", f"cigar@{DOC}"): {"modality": None, "asserted": True}}, []),
    # "nor could the UN" stands for "the UN could not agree either".
    ("Britain did not sign the treaty, nor did France.",
     {("united kingdom", "sign", f"treaty@{DOC}"): {"negated": True}},
     [("united kingdom", "do", "france")]),
    ("The deal could put Moscow at odds with Washington.",
     {(f"deal@{DOC}", "put", "moscow"): {"modality": "could", "asserted": False}}, []),
    # "close to signing": not signed yet.
    ("Iraq and Russia are close to signing a $40 billion economic cooperation plan, Iraq's "
     "ambassador said Saturday.",
     {("iraq", "sign", f"$40 billion economic cooperation plan@{DOC}"): {
         "modality": "intended", "reported_by": "say", "asserted": False}}, []),
    # "no proof that ...": nobody claims it.
    ("There was no hard proof that the scruffy missive was genuine, but IslamOnline.net said "
     "it had been received by their correspondent in Jalalabad.",
     {("scruffy missive", "be", f"genuine@{DOC}"): {"stance": "questioned",
                                                    "asserted": False}}, []),
    # A clause joined to a verb of saying after what it reports goes on with the report
    # (extract/claim_scope.py; issue 24, lee_background and GUM fit); one whose own verb
    # reports something has its own voice.
    ("The department say no detainees were injured, but 15 detention centre officers were "
     "treated for smoke inhalation.",
     {(f"15 detention centre officer@{DOC}", "be treated for", "smoke inhalation"): {
         "asserted": False, "reported_by": "say", "attributed_to": f"department@{DOC}"}}, []),
    ("Mr Crean says he is not calling on Dr Hollingworth to resign but he says there are "
     "still unanswered questions.",
     {("crean", "call on", "hollingworth"): {"reported_by": "say", "attributed_to": "crean"}},
     []),
    # "too sick to do": the work is not done, and the relation says so.
    ("A significant proportion of the young adult population is too sick to do any "
     "productive work.",
     {(f"significant proportion of young adult population@{DOC}", "be too sick to do",
       f"productive work@{DOC}"): {
         "asserted": True}}, []),
    # "forecast" is a verb of saying (its noun was one before the word lists were merged).
    ("Analysts forecast that China will overtake Japan.",
     {("china", "overtake", "japan"): {"reported_by": "forecast", "asserted": False}}, []),
    # Issue 24 point 4, the voice of a fact (GUM fit sentences). A condition governs its own
    # clause, not an adverbial clause of its own below it, nor a clause past a semicolon.
    ("While some islands are connected by the same ferry, you will generally have to go back "
     "to the mainland to pass between the islands, if you rely on public transportation.",
     {(f"island@{DOC}", "be connected by", f"ferry@{DOC}"): {"conditional": False,
                                                            "asserted": True}}, []),
    # (The fit sentence ends "take their job very seriously": no fact of "take", taken_as.)
    ("If walking use caution, and if parking, make sure to feed the meter with plenty of "
     "pocket change; the meter maids check every meter.",
     {(f"meter maid@{DOC}", "check", f"every meter@{DOC}"): {"conditional": False, "asserted": True}},
     []),
    # A clause opened by "why", "how" ... is held true, whoever does not say why.
    ("Citing privacy rules, U.S. officials have not said why the team was initially denied "
     "visas.",
     {(f"team@{DOC}", "be denied", f"visa@{DOC}"): {"stance": "asserted", "reported_by": None,
                                                   "asserted": True}}, []),
    # A verb of saying with an object of its own reports no clause beside it (GUM fit).
    ("Higuchi wrote relatively little as a result of living a brief life — she died at 24 "
     "— but her stories had a large impact on Japanese literature.",
     {(f"story@{DOC}", "have", f"large impact@{DOC}"): {"reported_by": None,
                                                         "asserted": True}}, []),
    # "ostensibly" casts doubt on its clause, as "allegedly" does: nobody is named (GUM fit).
    ("For instance, those with an interest in deceiving the general public may set up "
     "parallel institutions that ostensibly guarantee expertise.",
     {(f"parallel institution@{DOC}", "guarantee", f"expertise@{DOC}"): {
         "reported_by": "ostensibly", "asserted": False}}, []),
    # A purpose, a "how to" and what a command asks are not done ...
    ("Thus, our overall aim is to provide conceptual clarification and an empirical base for "
     "future discussion and production of replication studies, with a view to improving the "
     "amount and quality of L2 replication research.",
     {("overall aim", "improve", "amount of l2 replication research"): {
         "modality": "intended", "asserted": False}}, []),
    ("The problem is how to enable the whole world to enter the new future, including the "
     "Arabs.",
     {("whole world", "enter", "new future"): {"modality": "intended", "asserted": False}}, []),
    # ... nor what a verb of letting or allowing brings about, parsed as a clause of its own
    # (GUM fit, lighting and chomsky).
    ("Using CFLs will allow people to decrease their energy consumption; also it is a good "
     "start to decrease greenhouse emissions.",
     {(f"people@{DOC}", "decrease", "energy consumption"): {"modality": "intended",
                                                           "asserted": False}}, []),
    ("The agreement was that Gorbachev agreed to a quite remarkable concession: he agreed to "
     "let a united Germany join the NATO military alliance.",
     {("united germany", "join", "nato military alliance"): {"modality": "intended",
                                                            "asserted": False}}, []),
    ("Allow Parliament's perceptions to evolve over a period of time because Parliament is "
     "also responding to the evolution of society over a period of time.",
     {("parliament's perception", "evolve over", f"period of time@{DOC}"): {
         "modality": "intended", "asserted": False},
      # ... but a clause of reason, time or concession below them is (not intended):
      (f"parliament@{DOC}", "respond to", "evolution of society"): {"modality": None,
                                                                    "asserted": True}}, []),
    ("Team Estonia had to rebuild their robot entirely after the original disappeared in "
     "transit.",
     {(f"original@{DOC}", "disappear in", f"transit@{DOC}"): {"modality": None,
                                                             "asserted": True}}, []),
    ("The narrative review considers challenges in replication research and is largely "
     "informed by commentaries and metascience from psychology, given that the cognitive and "
     "social subdomains of psychology are highly influential in L2 research.",
     {(f"cognitive and social subdomain@{DOC}", "be influential in", "l2 research"): {
         "modality": None, "asserted": True}}, []),
    # What someone says should be done (the mandative subjunctive: a "that" clause in the
    # base form or, after a verb, adjective or noun that only asks, the plain present) is not
    # done (lee_background) ...
    ("McAfee is recommending that users upgrade their anti-virus software.",
     {(f"user@{DOC}", "upgrade", "anti-virus software"): {"modality": "intended",
                                                           "asserted": False}}, []),
    ("He has suggested residents contact the police if they are approached by such people.",
     {(f"resident@{DOC}", "contact", f"police@{DOC}"): {"modality": "intended",
                                                       "asserted": False}}, []),
    ("The committee urged that the city build a new bridge.",
     {(f"city@{DOC}", "build", f"new bridge@{DOC}"): {"modality": "intended",
                                                     "asserted": False}}, []),
    ("It is important that visitors remove their shoes.",
     {(f"visitor@{DOC}", "remove", f"shoe@{DOC}"): {"modality": "intended",
                                                   "asserted": False}}, []),
    # ... but a "that" clause in the past, the third person or with a modal is a claim, and a
    # weak verb of asking ("suggest") with the plain present reports what is so.
    ("The report suggests that the new plan reduces costs.",
     {("new plan", "reduce", f"cost@{DOC}"): {"modality": None,
                                                    "reported_by": "suggest"}}, []),
    ("Researchers suggest that children learn languages faster.",
     {(f"child@{DOC}", "learn", f"language@{DOC}"): {"modality": None,
                                                    "reported_by": "suggest"}}, []),
    ("He insisted that the Taliban would not surrender to Hamid Karzai.",
     {("taliban", "surrender to", "hamid karzai"): {"modality": "would",
                                                   "reported_by": "insist"}}, []),
    # ... and what is wished for is not so (made up, as the rows below: the constructions
    # are grammar's, not any corpus's).
    ("I wish that my brother owned a car.",
     {(f"brother@{DOC}", "own", f"car@{DOC}"): {"modality": "intended",
                                               "asserted": False}}, []),
    # "almost" and "nearly" on a verb say its event did not happen; on a number or another
    # adverb they do not.
    ("The bill nearly passed the Senate.",
     {(f"bill@{DOC}", "pass", f"senate@{DOC}"): {"negated": True, "asserted": False}}, []),
    ("Nearly 100 delegates attended the summit in Geneva.",
     {(f"nearly 100 delegate@{DOC}", "attend", f"summit@{DOC}"): {"negated": False}}, []),
    # What is done "instead of" or "rather than" something else says the other was not.
    ("Instead of building a school, the council built a car park.",
     {(f"council@{DOC}", "build", f"school@{DOC}"): {"negated": True, "asserted": False},
      (f"council@{DOC}", "build", f"car park@{DOC}"): {"negated": False, "asserted": True}},
     []),
    ("Maria walked to work rather than drive the car.",
     {("maria", "drive", f"car@{DOC}"): {"negated": True, "asserted": False}}, []),
    ("The council built a car park rather than a school.",
     {(f"council@{DOC}", "build", f"car park@{DOC}"): {"negated": False, "asserted": True}},
     [(f"council@{DOC}", "build", f"school@{DOC}")]),
    # "no longer" denies the verb (lee_background) ...
    ("Meanwhile, a new fire in Sydney's west is no longer threatening properties in the "
     "Cranebrook area.",
     {(f"new fire@{DOC}", "threaten", f"property@{DOC}"): {"negated": True, "asserted": False}}, []),
    # ... and "it is not true that" or "it is false that" denies the clause it judges, in the
    # text's own voice (made up).
    ("It is not true that the mayor owns the company.",
     {(f"mayor@{DOC}", "own", f"company@{DOC}"): {"stance": "denied", "asserted": False}},
     []),
    ("It is true that the mayor owns the company.",
     {(f"mayor@{DOC}", "own", f"company@{DOC}"): {"stance": "asserted", "asserted": True}},
     []),
    # What a noun of possibility or risk introduces is a hypothesis; what people worry about
    # is theirs (made up).
    ("The possibility that the virus reached the capital worries officials.",
     {(f"virus@{DOC}", "reach", f"capital@{DOC}"): {"stance": "questioned",
                                                   "asserted": False}}, []),
    ("Investors worry that the bank lost money.",
     {(f"bank@{DOC}", "lose", f"money@{DOC}"): {"reported_by": "worry", "asserted": False}},
     []),
    # "hopes" is the verb "hope", not "hop": what is hoped is the hoper's (lee_background).
    ("The Wilderness Society's Lyndon Schneiders says he hopes the court's decision will help "
     "protect Queensland's world heritage rainforests.",
     {("court's decision", "help protect", "queensland's world heritage rainforest"): {
         "reported_by": "hope", "asserted": False}}, []),
    # What a verb keeps its object from doing is nobody's claim nor intention: a ban says it
    # may not be done (GUM fit), a prevention that it was not ...
    ("Prior to the ruling, the religion was banned from conducting public worship at "
     "archeological sites by the Greek Ministry of Culture.",
     {(f"religion@{DOC}", "conduct", "public worship"): {"negated": True, "modality": "may",
                                                         "reported_by": None,
                                                         "asserted": False}}, []),
    ("The federation was prevented from collapsing into civil war.",
     {(f"federation@{DOC}", "collapse into", "civil war"): {"negated": True, "modality": None,
                                                            "asserted": False}}, []),
    # ... unless the verb of preventing is itself negated: what was not stopped happened,
    # what was not banned may be done.
    ("The court did not stop the company from selling the land.",
     {(f"company@{DOC}", "sell", f"land@{DOC}"): {"negated": False, "modality": None,
                                                 "asserted": True}}, []),
    ("The company was not banned from selling the drug.",
     {(f"company@{DOC}", "sell", f"drug@{DOC}"): {"negated": False, "modality": "may",
                                                 "asserted": False}}, []),
    # ... and so is what a subject keeps itself from doing: who abstained did not vote
    # (lee_background), who did not abstain did.
    ("Just before 10:00pm, the Deputy Premier Paul Lennon, Police Minister David Llewellyn "
     "and Labor backbencher Steven Kons abstained from voting on the bill's second reading.",
     {("paul lennon", "vote on", "bill's second reading"): {"negated": True, "modality": None,
                                                          "asserted": False},
      ("steven kons", "vote on", "bill's second reading"): {"negated": True,
                                                          "asserted": False}}, []),
    ("The senator did not abstain from voting on the bill.",
     {(f"senator@{DOC}", "vote on", f"bill@{DOC}"): {"negated": False, "asserted": True}}, []),
    # What a speaker says is a claim of theirs (the guard of ABSENT's refused saying).
    ("The official said the radical group would use new tactics.",
     {("radical group", "use", f"new tactic@{DOC}"): {"reported_by": "say",
                                                     "asserted": False}}, []),
    # "credited with" is a claim, with nobody named in the passive (GUM fit) ...
    ("Noam Chomsky is a professor at MIT. At the age of 40 he was credited with "
     "revolutionizing the field of modern linguistics.",
     {("noam chomsky", "revolutionize", "field of modern linguistic"): {
         "reported_by": "credit", "attributed_to": None, "asserted": False}}, []),
    # ... a gerund after another verb's "with" is no claim.
    ("The engineer experimented with building a robot.",
     {(f"engineer@{DOC}", "build", f"robot@{DOC}"): {"reported_by": None,
                                                    "asserted": True}}, []),
    # "came to end" is a preposition and its noun, no purpose (GUM fit).
    ("The match came to end with England winning 2 – 1 and collecting three points.",
     {("england", "collect", f"three point@{DOC}"): {"modality": None, "asserted": True}},
     []),
    # The speaker the sentence names: the verb of saying above a quotation whose own verb
    # has nobody to say it ("must be well thought out" is no verb of saying at all) ...
    ("After the leak, CEO of the Refugee Council Enver Solomon told Sky News any process "
     "\"must be well thought out\": \"Moves to reduce the backlog are welcome but the answer "
     "is not yet more bureaucratic hurdles.\"",
     {(f"move@{DOC}", "be", f"welcome@{DOC}"): {"reported_by": "tell",
                                               "attributed_to": "ceo of refugee council enver",
                                               "asserted": False}}, []),
    # ... the noun a participle of saying modifies ...
    ("In the video, she stated, \"I'm sick and tired of guys thinking that just because I "
     "showed up at a club or a dance or a bar, that I want to have their genitalia touching "
     "my backside\".",
     {(f"genitalia@{DOC}", "touch", f"backside@{DOC}"): {"reported_by": "think",
                                                        "attributed_to": f"guy@{DOC}"}}, []),
    # ... never the fact's own verb, a clause after a colon or semicolon, or "you know"
    # (while "noted that" after "and" still reports).
    ("Probably some people mainly think about the scientific part of it – you have to be "
     "accurate - and they see less these elements of the freedom.",
     {(f"people@{DOC}", "think about", "scientific part"): {"reported_by": "probably",
                                                            "attributed_to": None}}, []),
    ("The agreement was that Gorbachev agreed to a quite remarkable concession: he agreed to "
     "let a united Germany join the NATO military alliance.",
     {("gorbachev", "agree to", f"quite remarkable concession@{DOC}"): {
         "reported_by": None, "asserted": True}}, []),
    ("Patrick Gordon served the Tsar. He was not the only Scottish soldier in the Tsar's "
     "service; his fellow-Scots Paul Menzies and Alexander Livingston also found themselves "
     "in Russia fleeing religious intolerance or seeking adventure.",
     {("patrick gordon", "be", "only scottish soldier in tsar's service"): {
         "reported_by": None, "negated": True}}, []),
    ("So, you know, in this evolving consensus, the court is also playing a dialogical role "
     "to create that consensus.",
     {(f"court@{DOC}", "play", f"dialogical role@{DOC}"): {"reported_by": None,
                                                          "asserted": True}}, []),
    ("Daniel experimented by puncturing the wall of a pipe with a small open ended straw and "
     "noted that the height to which the fluid rose up the straw was related to fluid's "
     "pressure in the pipe.",
     {(f"height@{DOC}", "be related to", "fluid's pressure"): {"reported_by": "note",
                                                               "attributed_to": "daniel"}},
     []),
    # "i.e." opens a gloss, not another name; "namely" names the same thing.
    ("And we'll ask the Solicitor to assist us on how we can develop the notion of a civil "
     "union which really finds recognition in our statute, namely the Special Marriage Act.",
     {(f"statute@{DOC}", "be", "special marriage act"): {"asserted": True}}, []),
    # A question mark asks only what comes after a colon or semicolon before it (GUM fit).
    ("A third important factor is the way the event will be mediated: will NBC have its best "
     "sports broadcasters following the event after having worked the Winter Olympics?",
     {(f"third important factor@{DOC}", "be", f"way@{DOC}"): {"asserted": True},
      ("nbc", "work", "winter olympic"): {"stance": "questioned", "asserted": False}}, []),
    # "Do you think ...?" asks, and claims nothing; what a participle says of a noun in it
    # holds (GUM fit).
    ("Do you think it was an appropriate form of satire for Dan Savage to popularize the "
     "definition of the santorum neologism created in his advice column?",
     {("dan savage", "popularize", "definition of santorum neologism"): {
         "stance": "questioned", "reported_by": None, "asserted": False},
      ("santorum neologism", "be created in", "dan savage's advice column"): {
          "asserted": True}}, []),
    # A participle on a noun of saying says what befalls the claim or what the statement does,
    # not what it claims (GUM fit).
    ("A leaked internal letter seen by Sky News says \"failure to return the questionnaire may "
     "result in an individual's asylum claim being withdrawn in line with the published "
     "policy\", but the government will provide a reminder.",
     {("individual's asylum claim", "be withdrawn in line with", "published policy"): {
         "reported_by": "say", "attributed_to": f"leaked internal letter@{DOC}"}}, []),
    ("When ACPeds issued a statement condemning gender reassignment surgery in 2016, many "
     "people mistook the organization's political beliefs for the consensus view.",
     {(f"statement@{DOC}", "condemn", "gender reassignment surgery"): {
         "reported_by": None, "asserted": True}}, []),
    # A sentence inside a quotation is its speaker's words, not the text's, whether a verb
    # of saying reports it in that sentence or not (GUM fit, ie9; lee_background, where
    # quotations read as plain fact were rated wrong) ...
    ('"[Ten] years ago, a browser was born. Its name was Internet Explorer 6. Now that we\'re '
     'in 2011, in an era of modern web standards, it\'s time to say goodbye," Microsoft says on '
     '"The Internet Explorer 6 Countdown".',
     {(f"name@{DOC}", "be", "internet explorer 6"): {
         "reported_by": "quote", "attributed_to": "microsoft", "asserted": False}}, []),
    ('"Such efforts will only increase tension and we are forced to take retaliatory actions.',
     {(f"effort@{DOC}", "increase", f"tension@{DOC}"): {
         "reported_by": "quote", "attributed_to": None, "asserted": False}}, []),
    # ... but a quoted phrase in the text's own sentence is not (lee_background).
    ('The company\'s director, Robert Olivier, describes the job market in Australia as "shot '
     'to pieces".',
     {(f"company's director@{DOC}", "describe", "job market"): {
         "reported_by": None, "asserted": True}}, []),
    # A question asserts nothing.
    ("Did Iraq invade Kuwait?",
     {("iraq", "invade", "kuwait"): {"stance": "questioned", "asserted": False}}, []),
    # Plain statements in the text's own voice are asserted.
    ("Washington has sharply rebuked Russia over bombings of Georgian villages.",
     {("washington", "rebuke", "russia"): {"asserted": True, "negated": False}}, []),
    # Reflexives: their own clause's subject, never a person named before.
    ("Ariel Sharon visited the city. A suicide bomber tried to blow himself up at a bus "
     "station.", {}, [("suicide bomber", "try to blow up", "ariel sharon")]),
    # Pronouns: resolved when one antecedent fits, dropped when two do.
    ("Xu Liang founded a company. He sold the company in 2020.",
     {("xu liang", "sell", f"company@{DOC}"): {"asserted": True}}, []),
    ("John Howard met Kim Beazley. He criticised the plan.",
     {}, [("john howard", "criticise", f"plan@{DOC}"), ("kim beazley", "criticise",
                                                         f"plan@{DOC}")]),
]


@pytest.mark.parametrize(("text", "expected", "never"), ROWS,
                         ids=[row[0][:40] for row in ROWS])
def test_construction_table(nlp, text, expected, never):
    found = _facts(nlp, text)
    for fact, wanted in expected.items():
        assert fact in found, f"{fact} not among {sorted(found)}"
        got = found[fact]
        assert {name: got[name] for name in wanted} == wanted, (fact, got)
    for fact in never:
        assert not (fact in found and found[fact]["asserted"]), (fact, found.get(fact))


def test_no_node_starts_with_than(nlp):
    found = _facts(nlp, "More than two dozen militants attacked the town.")
    assert found
    for subject, _predicate, obj in found:
        assert not subject.startswith("than") and not obj.startswith("than")
    assert (f"more than two dozen militant@{DOC}", "attack", f"town@{DOC}") in found


#: Sentences whose parse offers a fact the text does not state at all: it must not be
#: extracted, in any voice.
ABSENT = [
    # A list in apposition names members of the group, none of which is the group.
    ("Up to 14 million people in seven countries - Malawi, Mozambique, Zambia, Angola, "
     "Swaziland, Lesotho and Zimbabwe - face starvation.", "be"),
    # A relative word is no entity: "whose violent death" is Abu Nidal's.
    ("Palestinian hired gun Abu Nidal, whose violent death was reported last week from "
     "Baghdad, was murdered.", "be reported from"),
    # A span of time is not what a verb acts on.
    ("Lawal was sentenced in March after giving birth to a daughter more than nine months "
     "after divorcing.", "give"),
    # A noun's complement says nothing of who acts ("conditions for resuming talks"), and
    # nor does an infinitive relative ("reasons to end his rule").
    ("The lifting of the ban is one of the key rebel conditions for resuming peace "
     "negotiations with the government.", "resume"),
    ("The department will give speeches on reasons to end President Saddam's rule.", "end"),
    # A preposition of a comparison clause is not the verb's.
    ("Malnutrition causes people to succumb to the disease much more quickly than they do in "
     "the West.", "succumb in"),
    # A purpose phrase is no argument of its verb (GUM fit).
    ("Nick Bos studies the amazing adaptations social insects have evolved in order to fight "
     "the extreme parasite pressure they experience.", "evolve in"),
    # A gloss after "i.e." is not another name of the noun before it (GUM fit).
    ("Since the television series’ inception, writers at The AV Club have written two "
     "critical reviews for each episode: one for viewers familiar with the books (i.e., "
     "“Experts”) and one for viewers unfamiliar with the books and averse to “spoilers” "
     "(i.e., “Newbies”).", "be"),
    # What a speaker refuses to say or confirm is nobody's claim, and the sentence states
    # nothing of it either (lee_background).
    ("The official refused to say what tactics the radical group would use in its avowed "
     "struggle to end the Israeli occupation of Palestinian land.", "use"),
    ("But as the day wore on, local administration officials and Hare Krishna devotees in "
     "Benares refused to confirm when and where along the Ganges the ceremony would take "
     "place.", "take"),
    # "alleged a staff member told him": the member is who told, not what was alleged.
    ("Tim, 16, alleged a staff member at Hillcrest Christian College told him he had the "
     "devil in him.", "allege"),
]


@pytest.mark.parametrize(("text", "predicate"), ABSENT, ids=[row[0][:40] for row in ABSENT])
def test_not_extracted(nlp, text, predicate):
    found = _facts(nlp, text + " The minister visited Malawi.")
    assert (f"minister@{DOC}", "visit", "malawi") in found, "the document still gives facts"
    wrong = [fact for fact in found if fact[1] == predicate and (
        predicate != "give" or "month" in fact[2])]
    assert not wrong, wrong


@pytest.mark.parametrize("text, index, intended", [
    # "to" + a noun of "come to end" is a preposition (GUM fit) ...
    ("The match came to end with England winning 2 – 1.", 4, False),
    # ... but with an object of its own the verb is an infinitive of purpose.
    ("The mayor came to end the strike.", 4, True),
])
def test_come_to_is_a_purpose_only_with_a_verb(nlp, text, index, intended):
    from extract.attribution import voice

    assert voice(nlp(text)[index]).intended is intended


def test_a_question_mark_asks_nothing_before_a_colon():
    from extract.attribution import voice
    from tests.extract.parses import parse

    doc = parse("factor/1/nsubj/NOUN/NN is/1/ROOT/AUX/VBZ/be way/1/attr/NOUN/NN "
                ":/1/punct/PUNCT/: will/5/aux/AUX/MD NBC/5/nsubj/PROPN/NNP "
                "have/1/parataxis/VERB/VB/have it/5/dobj/PRON/PRP ?/5/punct/PUNCT/.")
    assert voice(doc[1]).stance == "asserted"
    assert voice(doc[6]).stance == "questioned"


def test_a_yes_no_question_of_a_verb_of_thinking_claims_nothing():
    from extract.attribution import voice
    from tests.extract.parses import parse

    asked = parse("Do/2/aux/AUX/VBP/do you/2/nsubj/PRON/PRP think/2/ROOT/VERB/VB/think "
                  "it/4/nsubj/PRON/PRP was/2/ccomp/AUX/VBD/be fine/4/acomp/ADJ/JJ "
                  "?/2/punct/PUNCT/.")
    assert (voice(asked[4]).reported_by, voice(asked[4]).stance) == (None, "questioned")
    # "Why do you think ...?" takes the clause as given: the thinker's, not asked.
    why = parse("Why/3/advmod/SCONJ/WRB do/3/aux/AUX/VBP/do you/3/nsubj/PRON/PRP "
                "think/3/ROOT/VERB/VB/think it/5/nsubj/PRON/PRP was/3/ccomp/AUX/VBD/be "
                "fine/5/acomp/ADJ/JJ ?/3/punct/PUNCT/.")
    assert voice(why[5]).reported_by == "think"


def test_a_participle_on_a_claim_noun_is_not_its_content():
    from extract.attribution import voice
    from tests.extract.parses import parse

    doc = parse("they/1/nsubj/PRON/PRP issued/1/ROOT/VERB/VBD/issue a/3/det/DET/DT "
                "statement/1/dobj/NOUN/NN/statement condemning/3/acl/VERB/VBG/condemn "
                "surgery/4/dobj/NOUN/NN")
    assert voice(doc[4]).reported_by is None
    content = parse("they/1/nsubj/PRON/PRP issued/1/ROOT/VERB/VBD/issue a/3/det/DET/DT "
                    "statement/1/dobj/NOUN/NN/statement that/6/mark/SCONJ/IN "
                    "surgery/6/nsubj/NOUN/NN harms/3/acl/VERB/VBZ/harm")
    assert voice(content[6]).reported_by == "statement"
