"""Approvals dressed up as authorities: «после согласования с директором» is not a right (L479, L483).

The method's rule of promises: an employee takes a promise only after receiving all the authorities and resources
to keep it, without approvals. An authority whose text asks for someone's approval is an approval, not a right.
FORMAT.md ("Methodology checks added with version 2", `authority-is-approval`) names the word stems: Russian
«согласов…», «утвержд…», «разрешени…», «с визой»; English "approv…", "sign-off", "permission". They are matched at
the start of a word, in any case.

Two uses of those words ask for no one's approval, and are not counted:
- «разрешение» in the sense of resolving («разрешение споров с клиентом на месте» is a right to settle disputes);
- a frame agreed once, in advance: «в пределах согласованного бюджета», «в рамках утверждённого лимита», "within
  the approved budget" (the right to act inside it without asking again);
- the right itself said in those words: «без согласования», «без предварительного утверждения», "without approval",
  "no sign-off needed".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from app import model as m

_STEMS = re.compile(
    r"(?<!\w)(?:согласов\w*|утвержд\w*|разрешени\w*|с\s+визой|approv\w*|sign[\s-]?offs?|permissions?)(?!\w)",
    re.IGNORECASE,
)
# «разрешение» followed by what is resolved: a dispute, a complaint, a question — resolving, not permitting.
_RESOLVING = re.compile(
    r"разрешени\w*\s+(?:\w+\s+)?(?:спор|конфликт|вопрос|проблем|жалоб|претензи|разноглас|ситуаци|инцидент)",
    re.IGNORECASE,
)
# A frame agreed in advance: the right is to act inside it.
_FRAME = re.compile(r"(?:в\s+пределах|в\s+рамках|within(?:\s+(?:the|an?|our|its))?)\s+$", re.IGNORECASE)
# «без согласования», "without (prior) approval": a right not to ask.
_WITHOUT = re.compile(r"(?<!\w)(?:без|не\s+требуя|without|no)\s+(?:\w+\s+)?$", re.IGNORECASE)


_HINTS = ("согласов", "утвержд", "разрешени", "виз", "approv", "sign", "permission")
"""Lower-case pieces one of which every approval holds: most texts are told apart without the expressions."""


@lru_cache(maxsize=8192)  # a workshop repeats its authorities' texts; the checks ask after every edit
def is_approval(text: str) -> bool:
    """Whether an authority's text asks for someone's approval instead of granting a right."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _HINTS):
        return False
    for match in _STEMS.finditer(text):
        if _RESOLVING.match(text, match.start()):
            continue
        before = text[: match.start()]
        if _FRAME.search(before) or _WITHOUT.search(before):
            continue
        return True
    return False


def approval_grants(grants: Iterable[m.Grant]) -> list[m.Grant]:
    """The grants among `grants` whose text is an approval (in their order)."""
    return [g for g in grants if is_approval(g.text)]
