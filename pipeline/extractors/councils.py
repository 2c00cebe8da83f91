"""Councils' names in text: 'Dorset Council', 'Kent County Council', 'Cheshire West and Chester Council'.

Shared by the meeting reader (the council a document belongs to) and the forward-plan reader (the
council a plan is published by); a module of its own so that neither imports the other.
"""

from __future__ import annotations

import re

_WORD = r"[A-Z][\w'’&-]*"
# A name in running text: capitalised words before 'Council' ('the Dorset Council Constitution'). Words
# joined by 'and'/'of' are left out here: 'Leader of Dorset Council' names Dorset Council.
COUNCIL = re.compile(rf"\b((?:{_WORD},? ){{0,4}}?(?:{_WORD} )(?:County |Borough |District |City )?Council)\b")
# A line that is a council's name and nothing else may join its words with 'and', 'of', 'upon' or '&'
# ('Newark and Sherwood District Council', 'Isle of Wight Council', 'Kingston upon Hull City Council').
COUNCIL_LINE = re.compile(rf"(?:{_WORD},? (?:(?:and|of|upon|on|&) )?){{1,6}}Council")
# First words that make '... Council' a body or a phrase, not a council's name.
NOT_A_PLACE = {"the", "full", "county", "borough", "district", "city", "town", "parish", "budget", "arts", "youth",
               "this", "each", "every", "our", "your", "local", "a", "an", "and", "of", "for", "to", "dear", "by",
               "cabinet", "key"}


def named_councils(text: str) -> list[str]:
    """Every council named in the text, in order ('the Dorset Council Constitution' -> 'Dorset Council');
    'Full Council' and 'the County Council' name no particular council."""
    names = []
    for match in COUNCIL.finditer(text):
        words = match.group(1).replace(",", "").split()
        while words and words[0].lower() in NOT_A_PLACE:
            words.pop(0)
        if len(words) >= 2:
            names.append(" ".join(words))
    return names
