"""Countries by any of their common names: one key for "Britain", "the UK" and "United Kingdom".

The names come from ISO 3166 as the ``pycountry`` package keeps it (each country's short name,
official name and common name: "Viet Nam", "Socialist Republic of Viet Nam", "Vietnam"),
plus a small table of the everyday names ISO does not list (:data:`EVERYDAY_NAMES`: "Britain",
"America", "Russia"). A country's key is the name people write: its common name when ISO
gives one, else its short name, else the table's choice ("russia" rather than "russian
federation"). Two-letter and three-letter codes are not names: "IT", "IN" or "CAN" are words
far more often than countries, so only "US", "USA" and "UK" are in the table.

:func:`is_region` says whether a place is a state, province or region of a country
(ISO 3166-2, from the same package: "Oklahoma", "Ontario", "Scotland"), which "the city" is
not.
"""

from __future__ import annotations

import functools

__all__ = ["EVERYDAY_NAMES", "REGION_TYPES", "country_key", "is_country", "is_region"]

#: Everyday names of countries that ISO 3166 does not list, by normalised key (lower case, no
#: full stops), with the key of the country they name.
EVERYDAY_NAMES: dict[str, str] = {
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "united states of america": "united states",
    "russia": "russia",
    "russian federation": "russia",
    "south korea": "south korea",
    "north korea": "north korea",
    "korea, democratic people's republic of": "north korea",
    "the netherlands": "netherlands",
    "holland": "netherlands",
    "czech republic": "czechia",
    "ivory coast": "côte d'ivoire",
}


@functools.cache
def _names() -> dict[str, str]:
    """Every known name of every country (normalised) -> the country's key."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        short = country.name.lower()
        key = EVERYDAY_NAMES.get(short) or getattr(country, "common_name", short).lower()
        key = EVERYDAY_NAMES.get(key, key)
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(value.lower().replace(".", ""), key)
    for name, key in EVERYDAY_NAMES.items():
        names[name] = key
    return names


def country_key(key: str) -> str | None:
    """The key of the country ``key`` names (a normalised key), or None.

    >>> country_key("britain"), country_key("united kingdom"), country_key("viet nam")
    ('united kingdom', 'united kingdom', 'vietnam')
    >>> country_key("russian federation"), country_key("it"), country_key("paris")
    ('russia', None, None)
    """
    return _names().get(key)


def is_country(key: str) -> bool:
    """True when ``key`` (normalised) names a country.

    >>> is_country("poland"), is_country("łódź")
    (True, False)
    """
    return key in _names()


#: ISO 3166-2 subdivision types that are regions, never cities (a German "Land" such as Berlin
#: or Hamburg, or a French "metropolitan collectivity" such as Paris, is also a city).
REGION_TYPES = frozenset({"State", "Province", "Region", "Country", "Administrative region",
                          "Autonomous region", "Autonomous community", "Territory"})


@functools.cache
def _regions() -> frozenset[str]:
    import pycountry

    return frozenset(sub.name.lower() for sub in pycountry.subdivisions
                     if sub.type in REGION_TYPES)


def is_region(key: str) -> bool:
    """True when ``key`` (normalised) names a state, province or region of a country.

    >>> is_region("oklahoma"), is_region("scotland"), is_region("tulsa"), is_region("berlin")
    (True, True, False, False)
    """
    return key in _regions()
