"""Review mode: the postmortem section by section for the meeting, paced by the agenda."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Static

from models.agenda import Agenda, agenda_items, clock_text, section_for
from models.checks import Finding
from screens.present_sections import SECTION_IDS, SECTIONS, Section

# The countdown turns to a warning this many seconds before the item's time is up.
SOON = 60


class PresentScreen(Screen[None]):
    CSS_PATH = "present.tcss"
    BINDINGS = [
        Binding("right,l", "section(1)", "Next", id="present.next", key_display="→"),
        Binding("left,h", "section(-1)", "Back", id="present.previous", key_display="←"),
        Binding("space", "toggle_timer", "Start/pause", id="present.timer"),
        Binding("n", "agenda(1)", "Next item", id="present.agenda_next"),
        Binding("p", "agenda(-1)", "Previous item", id="present.agenda_previous"),
        *[Binding(str(number), f"show('{section_id}')", show=False, id=f"present.section{number}")
          for number, section_id in enumerate(SECTION_IDS, start=1)],
    ]

    def __init__(self) -> None:
        super().__init__()
        self.agenda = Agenda(agenda_items(self.app.document), clock=self.app.clock)  # type: ignore[attr-defined]
        self.current_step = SECTION_IDS[0]

    def compose(self) -> ComposeResult:
        with Horizontal(id="agenda"):
            yield Static("", id="agenda-items")
            yield Static("", id="agenda-clock")
        with ContentSwitcher(id="sections", initial=f"section-{SECTION_IDS[0]}"):
            for section_id, title in SECTIONS:
                yield Section(section_id, title)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_section(section_for(self.agenda.current.topic))
        self.refresh_agenda()
        self.set_interval(1, self.refresh_agenda)

    # What the app calls on every screen it starts with.

    def show_progress(self) -> None:
        self.show_section(self.current_step)

    def show_findings(self) -> None:
        pass

    def findings_in(self, step_id: str) -> list[Finding]:
        return []

    async def go_to(self, section_id: str) -> None:
        self.show_section(section_id)

    # Sections

    def show_section(self, section_id: str) -> None:
        self.current_step = section_id
        section = self.query_one(f"#section-{section_id}", Section)
        section.show(self.app.document)  # type: ignore[attr-defined]
        self.query_one("#sections", ContentSwitcher).current = section.id
        section.focus()
        self.sub_title = section.title

    def action_section(self, step: int) -> None:
        index = SECTION_IDS.index(self.current_step) + step
        self.show_section(SECTION_IDS[max(0, min(index, len(SECTION_IDS) - 1))])

    def action_show(self, section_id: str) -> None:
        self.show_section(section_id)

    # The agenda

    def action_toggle_timer(self) -> None:
        self.agenda.toggle()
        self.refresh_agenda()

    def action_agenda(self, step: int) -> None:
        self.agenda.go_to(self.agenda.index + step)
        self.show_section(section_for(self.agenda.current.topic))
        self.refresh_agenda()

    def refresh_agenda(self) -> None:
        agenda = self.agenda
        current = agenda.current
        line = f"[b]{escape(current.topic)}[/b] [dim]({current.minutes} min · item {agenda.index + 1} of " \
               f"{len(agenda.items)})[/dim]"
        if agenda.index + 1 < len(agenda.items):
            line += f"  [dim]next: {escape(agenda.items[agenda.index + 1].topic)}[/dim]"
        self.query_one("#agenda-items", Static).update(line)
        left = agenda.remaining()
        clock = self.query_one("#agenda-clock", Static)
        state = "" if agenda.running else " [dim](paused)[/dim]"
        if left < 0:
            clock.update(f"over by {clock_text(left)[1:]}{state}")
        else:
            clock.update(f"{clock_text(left)} left{state}")
        clock.set_class(left < 0, "-over")
        clock.set_class(0 <= left < SOON, "-soon")
