"""The ambassadors' brief (what to share in the next fortnight) as HTML or plain text to paste into a mail tool.

HTML keeps every style inline and escapes every text: mail tools drop style sheets and
the texts come from users.
"""

from __future__ import annotations

from html import escape

from communitydesk.formatting import day
from communitydesk.i18n import _, current_language, ngettext
from communitydesk.records.ambassador_brief import AmbassadorBrief, BriefMission, BriefPost

FORMATS = ("html", "text")
EXCERPT = 280  # characters of a post's text: enough to know what to share


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def _title(brief: AmbassadorBrief) -> str:
    return _(
        "À partager du {start} au {end}",
        start=day(brief.start, "long"),
        end=day(brief.end, "long"),
    )


def _intro(brief: AmbassadorBrief) -> str:
    posts = ngettext(
        "{count} publication à relayer", "{count} publications à relayer", len(brief.posts), count=len(brief.posts)
    )
    missions = ngettext(
        "{count} mission ouverte", "{count} missions ouvertes", len(brief.missions), count=len(brief.missions)
    )
    return _(
        "Bonjour à toutes et à tous ! Pour les quinze jours qui viennent : {posts} et {missions}.",
        posts=posts,
        missions=missions,
    )


def _post_line(post: BriefPost) -> str:
    networks = ", ".join(post.networks) or _("tous réseaux")
    return f"{day(post.day, 'long')} · {networks} — {post.title}"


def _link_text(post: BriefPost) -> str:
    if post.published and post.link:
        return post.link
    return _("à venir ({status}) : le lien suivra à la publication", status=post.status_label)


def _mission_line(mission: BriefMission) -> str:
    parts = [mission.kind_label, ngettext("{n} point", "{n} points", mission.points, n=mission.points)]
    if mission.due_on is not None:
        parts.append(_("avant le {date}", date=day(mission.due_on, "long")))
    parts.append(mission.assignee or _("ouverte à tous"))
    return f"{mission.title} ({', '.join(parts)})"


def brief_text(brief: AmbassadorBrief) -> str:
    lines = [_title(brief), "", _intro(brief), ""]
    lines.append(_("Publications à relayer"))
    if not brief.posts:
        lines.append("  " + _("Rien de prévu au calendrier éditorial sur cette période."))
    for post in brief.posts:
        lines.append(f"- {_post_line(post)}")
        if post.body:
            lines.append(f"  {_excerpt(post.body)}")
        lines.append(f"  {_link_text(post)}")
    lines += ["", _("Missions ouvertes")]
    if not brief.missions:
        lines.append("  " + _("Aucune mission ouverte pour le moment."))
    for mission in brief.missions:
        lines.append(f"- {_mission_line(mission)}")
        if mission.description:
            lines.append(f"  {_excerpt(mission.description)}")
    if brief.organisation:
        lines += ["", _("Merci pour votre aide ! L’équipe — {organisation}", organisation=brief.organisation)]
    return "\n".join(lines) + "\n"


_H1 = 'style="font-family:Arial,Helvetica,sans-serif;font-size:20px;color:#1F2A30;"'
_H2 = 'style="font-family:Arial,Helvetica,sans-serif;font-size:16px;color:#1F2A30;margin:18px 0 6px 0;"'
_P = 'style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#1F2A30;margin:0 0 8px 0;"'
_LI = 'style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#1F2A30;margin:0 0 10px 0;"'
_MUTED = 'style="color:#5F6B73;"'


def _html_item(headline: str, text: str, link: str = "") -> str:
    """A list item: its line in bold, an excerpt of its text, then ``link`` (HTML already)."""
    item = f"<li {_LI}><strong>{escape(headline)}</strong>"
    if text:
        item += f"<br><span {_MUTED}>{escape(_excerpt(text))}</span>"
    if link:
        item += f"<br>{link}"
    return item + "</li>"


def _html_list(items: list[str], empty: str) -> str:
    return "<ul>" + "".join(items) + "</ul>" if items else f"<p {_P}>{escape(empty)}</p>"


def brief_html(brief: AmbassadorBrief) -> str:
    parts = [
        f"<h1 {_H1}>{escape(_title(brief))}</h1>",
        f"<p {_P}>{escape(_intro(brief))}</p>",
        f"<h2 {_H2}>{escape(_('Publications à relayer'))}</h2>",
    ]
    posts = []
    for post in brief.posts:
        if post.published and post.link:
            link = f'<a href="{escape(post.link, quote=True)}">{escape(post.link)}</a>'
        else:
            link = f"<em {_MUTED}>{escape(_link_text(post))}</em>"
        posts.append(_html_item(_post_line(post), post.body, link))
    parts.append(_html_list(posts, _("Rien de prévu au calendrier éditorial sur cette période.")))
    parts.append(f"<h2 {_H2}>{escape(_('Missions ouvertes'))}</h2>")
    missions = [_html_item(_mission_line(mission), mission.description) for mission in brief.missions]
    parts.append(_html_list(missions, _("Aucune mission ouverte pour le moment.")))
    if brief.organisation:
        thanks = _("Merci pour votre aide ! L’équipe — {organisation}", organisation=brief.organisation)
        parts.append(f"<p {_P}>{escape(thanks)}</p>")
    return f'<div lang="{current_language()}">' + "\n".join(parts) + "</div>\n"
