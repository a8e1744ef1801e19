"""An ambassador's e-mail signature: HTML with inline styles only (what mail clients keep) and plain text."""

from __future__ import annotations

import re
from html import escape

from communitydesk.i18n import _
from communitydesk.records.ambassador_kit import EmailSignature

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
FONT = "Arial, Helvetica, sans-serif"  # fonts every mail client has


def _colour(value: str) -> str:
    """The colour if it is '#RRGGBB' (it goes into a style attribute), else a dark ink."""
    return value if _COLOUR.fullmatch(value.strip()) else "#1F2A30"


def signature_html(signature: EmailSignature) -> str:
    """A small table (Outlook ignores most CSS layout) with every style inline; all text escaped."""
    colour = _colour(signature.accent_colour)
    invitation = _("Rejoignez-nous avec mon code {code}", code=signature.referral_code)
    rows = [
        f'<tr><td style="font-weight:bold;font-size:14px;color:#1F2A30;">{escape(signature.name)}</td></tr>',
        f'<tr><td style="color:#5F6B73;">{escape(signature.role)}</td></tr>',
    ]
    if signature.organisation:
        organisation = escape(signature.organisation)
        if signature.website:
            organisation = (
                f'<a href="{escape(signature.website, quote=True)}" '
                f'style="color:{colour};text-decoration:none;">{organisation}</a>'
            )
        rows.append(f'<tr><td style="font-weight:bold;color:{colour};">{organisation}</td></tr>')
    rows.append(
        f'<tr><td style="padding-top:6px;"><a href="{escape(signature.referral_url, quote=True)}" '
        f'style="color:{colour};text-decoration:underline;">{escape(invitation)}</a></td></tr>'
    )
    return (
        '<table cellpadding="0" cellspacing="0" border="0" role="presentation" '
        f'style="font-family:{FONT};font-size:13px;line-height:1.4;color:#1F2A30;border-collapse:collapse;">'
        + "".join(rows)
        + "</table>"
    )


def signature_text(signature: EmailSignature) -> str:
    """The same lines in plain text, the link written out in full."""
    lines = [signature.name, signature.role]
    if signature.organisation:
        lines.append(signature.organisation)
    lines.append(
        _("Rejoignez-nous avec mon code {code} : {url}", code=signature.referral_code, url=signature.referral_url)
    )
    return "\n".join(line for line in lines if line) + "\n"
