"""Help ▸ the method's 9 stages: a short guide to Clientocracy and where the app works on each stage."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication


def guide_html() -> str:
    """The guide as rich text in the current language."""
    stages = [
        (QCoreApplication.translate("guide", "Define the client"),
         QCoreApplication.translate("guide", "Name the client segments in the words of the business."),
         QCoreApplication.translate("guide", "Workshop ▸ Segments")),
        (QCoreApplication.translate("guide", "Find the client's pains"),
         QCoreApplication.translate("guide", "What hurts each segment, and how much (severity 1–5)."),
         QCoreApplication.translate("guide", "Workshop ▸ Pains")),
        (QCoreApplication.translate("guide", "Value proposition and strategy canvas"),
         QCoreApplication.translate("guide", "The proposition to each segment; the canvas of competing factors, "
                                             "value curves and the ERRC grid."),
         QCoreApplication.translate("guide", "Workshop ▸ Propositions; Strategy canvas")),
        (QCoreApplication.translate("guide", "Promises to the client"),
         QCoreApplication.translate("guide", "What each client-facing team promises a segment, its metric and "
                                             "target, and the authorities it needs."),
         QCoreApplication.translate("guide", "Promise map; Workshop ▸ Promises")),
        (QCoreApplication.translate("guide", "Internal promises"),
         QCoreApplication.translate("guide", "Promises between teams, and the authorities agreed for them."),
         QCoreApplication.translate("guide", "Promise map; Workshop ▸ Promises")),
        (QCoreApplication.translate("guide", "Council and autonomous teams"),
         QCoreApplication.translate("guide", "The structure from the client: client-facing teams next to the "
                                             "clients, service teams behind them, the council beside it all."),
         QCoreApplication.translate("guide", "Structure; Workshop ▸ Teams")),
        (QCoreApplication.translate("guide", "Team economics and motivation"),
         QCoreApplication.translate("guide", "Each team's revenue and costs, what it sells to and buys from other "
                                             "teams (the internal market), the margin after settlement; the "
                                             "motivation of every participant: the bonus pool and members' shares."),
         QCoreApplication.translate("guide", "Workshop ▸ Economics & indicators; Motivation; Settlements")),
        (QCoreApplication.translate("guide", "Success indicators"),
         QCoreApplication.translate("guide", "One indicator per team, with its target and current value."),
         QCoreApplication.translate("guide", "Workshop ▸ Economics & indicators")),
        (QCoreApplication.translate("guide", "Adjust through experiments"),
         QCoreApplication.translate("guide", "Hypotheses tested with a metric and a budget, each serving a promise, "
                                             "within the team's budget for experiments without approval; what was "
                                             "learned; keep, drop or iterate."),
         QCoreApplication.translate("guide", "Workshop ▸ Experiments")),
    ]
    intro = QCoreApplication.translate(
        "guide", "Clientocracy builds the organisation from the value it gives its clients. Start from the "
                 "evolutionary goal, then walk the nine stages; the navigator on the left marks a stage ✓ when it "
                 "has what it needs, and the checks panel names what is missing.")
    where = QCoreApplication.translate("guide", "In the app:")
    rule = QCoreApplication.translate(
        "guide", "A promise is taken only with every authority and resource it needs; the checks flag a promise "
                 "accepted without them.")
    items = "".join(f"<li><b>{escape(title)}</b> — {escape(text)}<br><i>{escape(where)} {escape(place)}</i></li>"
                    for title, text, place in stages)
    return f"<p>{escape(intro)}</p><ol>{items}</ol><p>{escape(rule)}</p>"
