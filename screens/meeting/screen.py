"""The meeting (``postmortem review``): the postmortem section by section, paced by the agenda.

Only what the meeting decides can change here: action items (add, edit, mark agreed), contributing
factors (add, edit) and the meeting notes. Everything else is shown read-only.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import ContentSwitcher, OptionList, Static, TextArea

from postmortem.models.agenda import Agenda, agenda_items, clock_text, section_for
from postmortem.models.document import Postmortem
from postmortem.models.meeting_sections import MEETING_SECTION_IDS, MEETING_SECTIONS
from postmortem.models.steps import STEP_BY_ID
from postmortem.screens.dialogs.help import HelpScreen, KeyGroup, key_rows
from postmortem.screens.dialogs.record_editor import ACTIONS, FACTORS, RecordEditor
from postmortem.screens.host import DocumentChanged, document_host
from postmortem.screens.meeting.sections import MeetingSection
from postmortem.screens.widgets.end_text_area import EndTextArea
from postmortem.screens.widgets.footer import KeysFooter

# The countdown turns to a warning this many seconds before the item's time is up.
SOON = 60
# From this width on, the sections get wider margins (a projector at 200 columns).
WIDE = 140


class MeetingScreen(Screen[None]):
    CSS_PATH = "screen.tcss"
    BINDINGS = [
        Binding(
            "right,l",
            "section(1)",
            "Section",
            id="meeting.next",
            key_display="←→",
            tooltip="Next section (→ or l); the previous one with ← or h",
        ),
        Binding("left,h", "section(-1)", "Previous section", id="meeting.previous", show=False),
        Binding("space", "toggle_timer", "Timer", id="meeting.timer", tooltip="Start or pause the agenda countdown"),
        Binding("n", "agenda(1)", "Next item", id="meeting.agenda_next"),
        Binding("p", "agenda(-1)", "Previous item", id="meeting.agenda_previous", show=False),
        # a adds to the section on show: a factor on the factors, an action item anywhere else.
        Binding("a", "add_action", "Add action", id="meeting.add_action"),
        Binding("a", "add_factor('a')", "Add factor", id="meeting.add_factor_here"),
        Binding("f", "add_factor", "Add factor", show=False, id="meeting.add_factor"),
        Binding("e", "edit", "Edit", id="meeting.edit"),
        Binding("g", "toggle_agreed", "Agreed", id="meeting.agreed", tooltip="Mark the action item agreed, or not"),
        Binding("m", "notes", "Notes", id="meeting.notes", tooltip="Type the meeting notes"),
        *[
            Binding(str(number), f"show('{section_id}')", show=False, id=f"meeting.section{number}")
            for number, section_id in enumerate(MEETING_SECTION_IDS, start=1)
        ],
    ]

    def __init__(self, clock: Callable[[], float]) -> None:
        """``clock`` gives the seconds the agenda's countdown runs on."""
        super().__init__()
        document = self.document
        self.agenda = Agenda(agenda_items(document), clock=clock)
        # The action items as the meeting found them: the wrap-up shows what it added and changed.
        self.actions_at_start = [item.model_copy(deep=True) for item in document.actions]
        self.current_section = MEETING_SECTION_IDS[0]
        self._drawn: dict[str, str] = {}  # each section drawn so far, and the document it shows
        self.action_editor = RecordEditor(self, ACTIONS, lambda index: self._show_record("actions", index))
        self.factor_editor = RecordEditor(self, FACTORS, lambda index: self._show_record("factors", index))

    @property
    def document(self) -> Postmortem:
        return document_host(self).document

    def compose(self) -> ComposeResult:
        with Horizontal(id="agenda"):
            yield Static("", id="agenda-items")
            yield Static("", id="agenda-clock")
        with ContentSwitcher(id="sections", initial=f"section-{MEETING_SECTION_IDS[0]}"):
            for section_id, title in MEETING_SECTIONS:
                yield MeetingSection(section_id, title)
        notes = EndTextArea(self.document.review.notes, id="notes", soft_wrap=True)
        notes.border_title = "Meeting notes"
        notes.border_subtitle = "esc: back to the section · esc again: hide"
        yield notes
        yield KeysFooter(show_command_palette=False)  # ctrl+p still opens it; the keys need the room

    def on_mount(self) -> None:
        self.show_section(section_for(self.agenda.current.topic))
        self.refresh_agenda()
        self.set_interval(1, self.refresh_agenda)
        document_host(self).when_quiet(self.action_editor.prepare)  # a adds an action item in most sections
        document_host(self).when_quiet(self.factor_editor.prepare)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= WIDE, "-wide")

    def redraw(self) -> None:
        """After any change of the document (an edit, a restore, a reload): draw it again."""
        self._draw()
        notes = self.query_one("#notes", TextArea)
        if notes.text != self.document.review.notes:
            notes.load_text(self.document.review.notes)

    def help_screen(self) -> HelpScreen:
        """Help in the meeting: its keys, and the questions the section on show should answer."""
        keys = [*key_rows(self, [self]), (f"1 … {len(MEETING_SECTIONS)}", "Show a section by its number")]
        step = STEP_BY_ID.get(self.current_section)
        return HelpScreen(
            f"Help · review meeting · {self.section.title}",
            [KeyGroup("In the meeting", keys), KeyGroup("Anywhere", key_rows(self, [self.app]))],
            step.questions if step is not None else (),
        )

    # Sections

    @property
    def section(self) -> MeetingSection:
        """The section on show."""
        return self.query_one(f"#section-{self.current_section}", MeetingSection)

    def show_section(self, section_id: str) -> None:
        self.current_section = section_id
        section = self.section
        self._draw()
        self.query_one("#sections", ContentSwitcher).current = section.id
        section.body.focus()
        self.sub_title = section.title
        self.refresh_bindings()

    def _draw(self) -> None:
        """Draw the section on show, unless it already shows this version of the document: coming back
        to a section costs nothing, nor does typing the meeting notes (no section shows them)."""
        version = self.document.model_dump_json(exclude={"review"})
        if self._drawn.get(self.current_section) != version:
            self._drawn[self.current_section] = version
            self.section.show(self.document, self.actions_at_start)

    def action_section(self, step: int) -> None:
        index = MEETING_SECTION_IDS.index(self.current_section) + step
        self.show_section(MEETING_SECTION_IDS[max(0, min(index, len(MEETING_SECTION_IDS) - 1))])

    def action_show(self, section_id: str) -> None:
        self.show_section(section_id)

    # Capturing what the meeting decides

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add_action":
            return self.current_section != "factors"
        if action == "add_factor" and parameters:  # f adds a factor anywhere, a only on the factors
            return self.current_section == "factors"
        if action == "edit":
            return self.current_section in ("actions", "factors")
        if action == "toggle_agreed":
            return self.current_section == "actions"
        return True

    def _show_record(self, section_id: str, index: int | None) -> None:
        """After an edit: show the record under the cursor."""
        self.show_section(section_id)
        if index is not None:
            self.section.highlight(index)

    def action_add_action(self) -> None:
        self.action_editor.add()

    def action_add_factor(self, key: str = "f") -> None:
        """``key`` only tells the two bindings apart (see ``check_action``)."""
        self.factor_editor.add()

    def action_edit(self) -> None:
        index = self.section.selected()
        if index is not None:
            (self.action_editor if self.current_section == "actions" else self.factor_editor).edit(index)

    @on(OptionList.OptionSelected)
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_toggle_agreed(self) -> None:
        index = self.section.selected()
        if index is None:
            return
        item = self.document.actions[index]
        item.agreed = not item.agreed
        self.post_message(DocumentChanged())
        self._show_record("actions", index)

    def action_notes(self) -> None:
        notes = self.query_one("#notes", TextArea)
        notes.display = True
        notes.focus()

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.text != self.document.review.notes:
            self.document.review.notes = event.text_area.text
            self.post_message(DocumentChanged("review.notes"))

    def key_escape(self) -> None:
        """Leave the notes for the section; a second escape hides them."""
        notes = self.query_one("#notes", TextArea)
        if notes.has_focus:
            self.section.body.focus()
        else:
            notes.display = False

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
        line = (
            f"[b]{escape(current.topic)}[/b] [dim]({current.minutes} min · item {agenda.index + 1} of "
            f"{len(agenda.items)})[/dim]"
        )
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
