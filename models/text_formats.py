"""The small text formats of multi-line fields."""

from __future__ import annotations

from postmortem.models.document import ImpactedService, Link


def parse_services(text: str) -> list[ImpactedService]:
    """One service per line: ``name: effect`` (the effect is optional)."""
    services = []
    for line in text.splitlines():
        name, _, effect = line.partition(":")
        if name.strip():
            services.append(ImpactedService(name=name.strip(), effect=effect.strip()))
    return services


def format_services(services: list[ImpactedService]) -> str:
    return "\n".join(f"{s.name}: {s.effect}" if s.effect else s.name for s in services)


def parse_links(text: str) -> list[Link]:
    """One link per line: ``label | url`` or just ``url``."""
    links = []
    for line in text.splitlines():
        label, bar, url = line.rpartition("|")
        if not bar:
            label, url = "", line
        if url.strip():
            links.append(Link(label=label.strip(), url=url.strip()))
    return links


def format_links(links: list[Link]) -> str:
    return "\n".join(f"{link.label} | {link.url}" if link.label else link.url for link in links)
