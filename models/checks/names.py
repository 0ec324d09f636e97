"""Telling a person's name from a role: common given names, chat handles, and role words.

A capitalised word is only taken for a name when it is a common given name, so
that "Traffic caused…" or "Grafana deleted…" are not read as people. The list
is deliberately broad across languages; it will still miss some names, which
costs recall, never precision.
"""

from __future__ import annotations

import re

FIRST_NAMES = frozenset("""
Aaron Abdul Abel Abigail Adam Adrian Ahmed Aisha Alan Albert Alejandro Alex Alexander Alexandra Ali Alice Alicia
Amanda Amelia Amir Amit Amy Ana Andre Andrea Andreas Andrew Andy Angela Anil Anita Anja Ann Anna Anne Anthony
Antonio Anton Arjun Arthur Ashley Aya Barbara Ben Benjamin Bernd Beth Bill Bob Boris Brad Brandon Brian Bruno
Carla Carlos Carmen Carol Caroline Catherine Charles Charlie Chen Chloe Chris Christian Christina Christine
Christopher Claire Claudia Daniel Daniela Dave David Deepak Dennis Diana Diego Dimitri Dmitri Dominik Donna Dylan
Ed Eduardo Elena Eli Elif Elijah Elizabeth Ella Emily Emma Eric Erik Ethan Eva Fatima Felix Fernando Fiona
Florian Francesca Francisco Frank Fred Gabriel Gary George Gina Giulia Giovanni Grace Greg Hana Hannah Hans Harry
Hassan Heather Helen Henry Hiroshi Hugo Ian Igor Ingrid Irina Isaac Isabel Ivan Jack Jacob Jake James Jamie Jan
Jane Jason Javier Jean Jeff Jennifer Jenny Jessica Jim Joan Joe Johan John Jonas Jonathan Jordan Jose Joseph
Josh Juan Julia Julian Julie Jun Justin Karen Karin Kate Katie Kenji Kevin Kim Klaus Kumar Kyle Lars Laura
Lauren Lea Lee Leo Leon Li Lily Linda Lisa Liam Lucas Lucia Luis Luka Lukas Maria Marie Mark Marco Martin
Mary Mateo Matt Matthew Max Maya Mehmet Mei Michael Michelle Miguel Mike Mohamed Mohammed Monica Nadia Naomi
Natalia Nathan Nick Nicole Nikita Nina Noah Nora Olga Oliver Olivia Omar Oscar Pablo Patrick Paul Paula Pedro
Peter Petra Phil Pierre Priya Rachel Rahul Raj Ravi Rebecca Richard Rick Rita Rob Robert Roberto Rosa Ryan
Sam Samantha Samuel Sandra Sara Sarah Sean Sebastian Sergei Simon Sofia Sophie Stefan Stephanie Steve Steven
Susan Svetlana Takeshi Tanya Thomas Tim Timo Tina Tobias Tom Tomas Tony Tyler Uwe Valentina Vanessa Victor
Vikram Vincent Wei William Xavier Yan Yuki Yusuf Zoe
""".split())

_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_HANDLE = re.compile(r"(?<![\w.])@[A-Za-z][\w.-]+")
_SURNAME = re.compile(r"[A-Z][a-z'-]+")


def given_names(text: str) -> list[str]:
    """The common given names in a text."""
    return [word for word in _CAPITALISED.findall(text) if word in FIRST_NAMES]


def names_in(text: str) -> list[str]:
    """Given names and @handles mentioned in a text."""
    return given_names(text) + _HANDLE.findall(text)


def is_personal(actor: str) -> bool:
    """Whether an actor field names a person (a given name, "Given Family", an @handle) rather than a role."""
    words = actor.split()
    if not words:
        return False
    if len(words) == 1 and _HANDLE.fullmatch(words[0]):
        return True
    return words[0] in FIRST_NAMES and all(_SURNAME.fullmatch(word) for word in words[1:])
