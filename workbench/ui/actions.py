"""The window's actions with their standard shortcuts, and the menus and toolbar built from them."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from workbench.domain.grades import CREDIBILITY_WORDING, ClaimStatus
from workbench.ui.look import icon
from workbench.ui.shortcuts import name_for_the_page

Keys = QKeySequence.StandardKey
TOOLBAR_STEP_CHARACTERS = 40  # an undo or redo step's name on the toolbar, at most


def _action(
    window: QMainWindow,
    text: str,
    keys: list[QKeySequence | Keys | str] | None = None,
    icon_name: str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if icon_name:
        action.setIcon(icon(icon_name))
    if keys:
        sequences: list[QKeySequence] = []
        for key in keys:
            if isinstance(key, Keys):
                sequences.extend(QKeySequence.keyBindings(key))
            else:
                sequences.append(QKeySequence(key))
        unique = list(dict.fromkeys(sequences))
        action.setShortcuts(unique)
    action.setToolTip(tip or text.replace("&", "").replace("…", ""))
    action.setStatusTip(action.toolTip())
    name_for_the_page(action, text)  # Undo's text changes ("Undo Mark claim"); its name does not
    window.addAction(action)
    return action


@dataclass
class WindowActions:
    new_project: QAction
    open_project: QAction
    open_shared: QAction
    open_sample: QAction
    import_files: QAction
    import_folder: QAction
    paste_article: QAction
    export_report: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find_in_library: QAction
    find_in_article: QAction
    reset_layout: QAction
    search_project: QAction
    all_claims: QAction
    mark_claim: QAction
    mark_mention: QAction
    next_claim: QAction
    previous_claim: QAction
    delete_claim: QAction
    suggestions: QAction
    scan_mentions: QAction
    shortcuts: QAction
    about: QAction
    competing_hypotheses: QAction
    weigh_claims: QAction
    link_chart: QAction
    timeline: QAction
    grades: list[QAction] = field(default_factory=list)
    statuses: list[QAction] = field(default_factory=list)
    schemes: QActionGroup | None = None
    recent_menu: QMenu | None = None

    def groups(self) -> dict[str, list[QAction]]:
        """Actions by menu, for the keyboard shortcuts page."""
        return {
            "File": [
                self.new_project,
                self.open_project,
                self.import_files,
                self.import_folder,
                self.paste_article,
                self.export_report,
                self.quit,
            ],
            "Edit": [
                self.undo,
                self.redo,
                self.find_in_article,
                self.find_in_library,
                self.search_project,
                self.all_claims,
                self.competing_hypotheses,
            ],
            "Claim": [
                self.mark_claim,
                self.mark_mention,
                self.next_claim,
                self.previous_claim,
                self.suggestions,
                *self.grades,
                *self.statuses,
                self.weigh_claims,
            ],
            "View": [self.link_chart, self.timeline],
            "Help": [self.shortcuts],
        }

    def show_steps(self, undo: str | None, redo: str | None) -> None:
        """Name the next undo and redo steps (None: nothing to undo or redo): whole in the Edit
        menu and the tooltip, shortened on the toolbar's buttons so a long title (an article's,
        a hypothesis's) does not push the other buttons off it."""
        for action, verb, step in ((self.undo, "Undo", undo), (self.redo, "Redo", redo)):
            action.setEnabled(step is not None)
            whole = f"{verb} {step}" if step is not None else verb
            action.setText(f"&{_literal(whole)}")  # an "&" in a title is shown, no mnemonic
            action.setIconText(_literal(_shortened(whole)))
            action.setToolTip(whole)
            action.setStatusTip(whole)


def _literal(text: str) -> str:
    return text.replace("&", "&&")


def _shortened(text: str) -> str:
    if len(text) <= TOOLBAR_STEP_CHARACTERS:
        return text
    return f"{text[: TOOLBAR_STEP_CHARACTERS - 1].rstrip()}…"


def build_actions(window: QMainWindow) -> WindowActions:
    a = _action
    actions = WindowActions(
        new_project=a(window, "&New project…", [Keys.New], "new"),
        open_project=a(window, "&Open project…", [Keys.Open], "open"),
        open_shared=a(window, "Open s&hared project…", None, None, "Open a team case on a server"),
        open_sample=a(window, "Open the &sample project", None, "sample"),
        import_files=a(window, "&Import files…", ["Ctrl+I"], "import", "Import articles"),
        import_folder=a(window, "Import a &folder…", ["Ctrl+Shift+I"]),
        paste_article=a(
            window,
            "&Paste as article",
            ["Ctrl+Shift+V"],
            "paste",
            "Make an article of the text or web page on the clipboard",
        ),
        export_report=a(
            window,
            "&Export report…",
            ["Ctrl+Shift+E"],
            None,
            "Write an annotated report or an exchange file",
        ),
        quit=a(window, "&Quit", [Keys.Quit, "Ctrl+Q"]),
        undo=a(window, "&Undo", [Keys.Undo], "undo"),
        redo=a(window, "&Redo", [Keys.Redo, "Ctrl+Shift+Z", "Ctrl+Y"], "redo"),
        find_in_library=a(window, "Find in &library", ["Ctrl+L"], None, "Filter the library"),
        reset_layout=a(
            window, "&Reset the layout", None, None, "Put every panel back in its place"
        ),
        find_in_article=a(
            window, "&Find in article", [Keys.Find], None, "Find and select words in the article"
        ),
        search_project=a(window, "&Search the project", ["Ctrl+Shift+F"], "search"),
        all_claims=a(
            window, "&All claims", ["Ctrl+Shift+A"], None, "Every claim of the project, to edit"
        ),
        mark_claim=a(
            window, "&Mark claim", ["Ctrl+M"], "mark-claim", "Mark the selected words as a claim"
        ),
        mark_mention=a(
            window,
            "Mark actor &mention",
            ["Ctrl+E"],
            "mark-mention",
            "Link the selected words to an actor",
        ),
        next_claim=a(window, "&Next claim", ["Alt+Down"]),
        previous_claim=a(window, "&Previous claim", ["Alt+Up"]),
        delete_claim=a(window, "&Delete claim", None, "delete"),
        suggestions=a(
            window,
            "S&uggestions for this article",
            ["Ctrl+Shift+G"],
            None,
            "Claims, mentions and dates the workbench proposes, to accept or reject",
        ),
        scan_mentions=a(
            window,
            "Scan the project for mentions",
            None,
            None,
            "Find every known actor's unmarked mention in every article",
        ),
        competing_hypotheses=a(
            window,
            "Competing &hypotheses",
            ["Ctrl+Alt+H"],
            None,
            "Weigh the claims against competing hypotheses (ACH matrix)",
        ),
        weigh_claims=a(
            window,
            "&Weigh against hypotheses",
            ["Ctrl+Alt+W"],
            None,
            "Add the chosen claims to the competing-hypotheses matrix",
        ),
        link_chart=a(
            window, "&Link chart", ["Ctrl+Shift+L"], None, "Actors, sources, events and claims"
        ),
        timeline=a(
            window, "&Timeline", ["Ctrl+Shift+T"], None, "Events by date, and their reports"
        ),
        shortcuts=a(window, "&Keyboard shortcuts", [Keys.HelpContents, "F1"], "help"),
        about=a(window, "&About Analyst Workbench"),
    )
    actions.grades = [
        a(window, f"Credibility &{grade} — {wording}", [f"Alt+{grade}"])
        for grade, wording in CREDIBILITY_WORDING.items()
    ]
    actions.statuses = [
        a(window, f"Status &{number}: {status.value}", [f"Ctrl+{number}"])
        for number, status in enumerate(ClaimStatus, start=1)
    ]
    return actions


def build_menus(
    window: QMainWindow, actions: WindowActions, docks_menu_actions: list[QAction]
) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([actions.new_project, actions.open_project, actions.open_shared])
    actions.recent_menu = file_menu.addMenu("Open &recent")
    file_menu.addAction(actions.open_sample)
    file_menu.addSeparator()
    file_menu.addActions([actions.import_files, actions.import_folder, actions.paste_article])
    file_menu.addAction(actions.export_report)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)

    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([actions.undo, actions.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([actions.find_in_article, actions.find_in_library, actions.search_project])
    edit_menu.addActions([actions.all_claims, actions.competing_hypotheses])

    claim_menu = bar.addMenu("&Claim")
    claim_menu.addActions([actions.mark_claim, actions.mark_mention])
    claim_menu.addSeparator()
    claim_menu.addActions([actions.previous_claim, actions.next_claim])
    claim_menu.addSeparator()
    claim_menu.addActions([actions.suggestions, actions.scan_mentions])
    grades = claim_menu.addMenu("&Credibility")
    grades.addActions(actions.grades)
    claim_menu.addMenu("&Status").addActions(actions.statuses)
    claim_menu.addAction(actions.weigh_claims)
    claim_menu.addSeparator()
    claim_menu.addAction(actions.delete_claim)

    view_menu = bar.addMenu("&View")
    view_menu.addActions(docks_menu_actions)
    view_menu.addActions([actions.link_chart, actions.timeline])
    view_menu.addAction(actions.reset_layout)
    view_menu.addSeparator()
    scheme_menu = view_menu.addMenu("&Colours")
    actions.schemes = QActionGroup(window)
    for scheme, label in (("system", "Follow the &system"), ("light", "&Light"), ("dark", "&Dark")):
        choice = scheme_menu.addAction(label)
        choice.setCheckable(True)
        choice.setData(scheme)
        actions.schemes.addAction(choice)

    help_menu = bar.addMenu("&Help")
    help_menu.addActions([actions.shortcuts, actions.about])


def build_toolbar(window: QMainWindow, actions: WindowActions) -> QToolBar:
    toolbar = window.addToolBar("Main toolbar")
    toolbar.setObjectName("main-toolbar")
    toolbar.setAccessibleName("Main toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([actions.import_files, actions.paste_article])
    toolbar.addSeparator()
    toolbar.addActions([actions.undo, actions.redo])
    toolbar.addSeparator()
    toolbar.addActions([actions.mark_claim, actions.mark_mention])
    toolbar.addSeparator()
    toolbar.addAction(actions.search_project)
    return toolbar
