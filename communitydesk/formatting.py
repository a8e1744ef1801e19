"""Numbers, money and dates for people, in the language of the interface (French or English).

The conventions are those of the Unicode CLDR for fr-FR and en-GB, written out here for the
two languages the app speaks: babel's import and locale data (and the time zone scan its date
module makes on import) cost more than laying out a whole small document.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import ROUND_HALF_EVEN, Decimal
from typing import NamedTuple
from zoneinfo import ZoneInfo

from communitydesk.i18n import current_language

PARIS = ZoneInfo("Europe/Paris")


class _Conventions(NamedTuple):  # not a dataclass: its generated methods cost ~1 ms to compile at import
    group: str
    decimal: str
    percent: str  # the pattern of a whole percentage, "{}" for the number
    money: str  # "{amount}" and "{symbol}"
    symbols: dict[str, str]  # currency code → symbol, where it is not the code itself
    months: tuple[str, ...]
    short_months: tuple[str, ...]
    weekdays: tuple[str, ...]  # Monday first
    short_weekdays: tuple[str, ...]
    full_date: str  # "{weekday}" and "{date}" (the long date)
    short_moment: str  # "{date}" and "{time}"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split(" "))


def _symbols(text: str) -> dict[str, str]:
    return dict(pair.split("=") for pair in text.split(" "))


_FRENCH = _Conventions(
    group="\u202f",
    decimal=",",
    percent="{}\u00a0%",
    money="{amount}\u00a0{symbol}",
    symbols=_symbols(
        "ARS=$AR AUD=$AU BMD=$BM BND=$BN BRL=R$ BZD=$BZ CAD=$CA CLP=$CL COP=$CO EUR=€ FJD=$FJ FKP=£FK "
        "GBP=£GB GIP=£GI ILS=₪ INR=₹ KRW=₩ LBP=£LB MXN=$MX NAD=$NA NZD=$NZ SBD=$SB SGD=$SG SRD=$SR "
        "TTD=$TT USD=$US UYU=$UY VND=₫ WST=$WS XAF=FCFA XCG=Cg. XOF=F\u202fCFA XPF=FCFP"
    ),
    months=_words("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    short_months=_words("janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc."),
    weekdays=_words("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    short_weekdays=_words("lun. mar. mer. jeu. ven. sam. dim."),
    full_date="{weekday} {date}",
    short_moment="{date} {time}",
)

_ENGLISH = _Conventions(
    group=",",
    decimal=".",
    percent="{}%",
    money="{symbol}{amount}",
    symbols=_symbols(
        "AUD=A$ BRL=R$ CAD=CA$ CNY=CN¥ EUR=€ GBP=£ HKD=HK$ ILS=₪ INR=₹ JPY=JP¥ KRW=₩ MXN=MX$ NZD=NZ$ "
        "PHP=₱ TWD=NT$ USD=US$ VND=₫ XAF=FCFA XCD=EC$ XCG=Cg. XOF=F\u202fCFA XPF=CFPF"
    ),
    months=_words("January February March April May June July August September October November December"),
    short_months=_words("Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec"),
    weekdays=_words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
    short_weekdays=_words("Mon Tue Wed Thu Fri Sat Sun"),
    full_date="{weekday}, {date}",
    short_moment="{date}, {time}",
)

# Minor units of the currencies that do not have two (ISO 4217, as CLDR rounds them).
_CURRENCY_DIGITS = {
    **dict.fromkeys(_words("BHD JOD KWD LYD OMR TND"), 3),
    **dict.fromkeys(
        _words(
            "AFN ALL BIF CLP DJF GNF IQD IRR ISK JPY KMF KPW KRW LAK LBP MGA MMK PYG RSD RWF SOS SYP UGX VND "
            "VUV XAF XOF XPF YER"
        ),
        0,
    ),
}


def _conventions() -> _Conventions:
    return _FRENCH if current_language() == "fr" else _ENGLISH


def _decimal(value: float | Decimal, fraction: int, *, trim: bool, conventions: _Conventions) -> str:
    """``value`` rounded half to even to ``fraction`` digits (trailing zeros dropped if ``trim``), grouped."""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-fraction), rounding=ROUND_HALF_EVEN)
    whole, _point, decimals = f"{abs(rounded):f}".partition(".")
    if trim:
        decimals = decimals.rstrip("0")
    groups = [whole[max(end - 3, 0) : end] for end in range(len(whole), 0, -3)]
    text = conventions.group.join(reversed(groups))
    if decimals:
        text += conventions.decimal + decimals
    return ("-" if rounded.is_signed() else "") + text


def money(cents: int, currency: str = "EUR") -> str:
    """``123456`` → ``1 234,56 €`` in French (narrow no-break space between thousands), ``€1,234.56`` in English."""
    conventions = _conventions()
    amount = _decimal(cents / 100, _CURRENCY_DIGITS.get(currency, 2), trim=False, conventions=conventions)
    return _with_symbol(amount, currency, conventions)


def whole_money(cents: int, currency: str = "EUR") -> str:
    """``1500000`` → ``15 000 €`` (``€15,000`` in English): rounded to the unit, for chart axes."""
    conventions = _conventions()
    return _with_symbol(_decimal(round(cents / 100), 0, trim=False, conventions=conventions), currency, conventions)


def _with_symbol(amount: str, currency: str, conventions: _Conventions) -> str:
    sign, amount = ("-", amount[1:]) if amount.startswith("-") else ("", amount)
    return sign + conventions.money.format(amount=amount, symbol=conventions.symbols.get(currency, currency))


def number(value: int | float) -> str:
    """``1234.5678`` → ``1 234,568``: at most three decimals."""
    return _decimal(value, 3, trim=True, conventions=_conventions())


def percent(ratio: float, digits: int = 0) -> str:
    """``0.125`` → ``12 %`` (``12%`` in English); with ``digits``, always that many (``12,5 %``, ``12.5 %``)."""
    conventions = _conventions()
    hundredfold = Decimal(str(ratio)).scaleb(2)
    if digits == 0:
        return conventions.percent.format(_decimal(hundredfold, 0, trim=False, conventions=conventions))
    return _decimal(hundredfold, digits, trim=False, conventions=conventions) + "\u00a0%"


def day(value: date | datetime, style: str = "medium") -> str:
    """``23 nov. 2026`` (medium), ``23 novembre 2026`` (long), ``lundi 23 novembre 2026`` (full),
    ``23/11/2026`` (short), for chart labels ``23 nov.`` (``d MMM``) and ``nov. 26`` (``MMM yy``), and
    ``23 novembre`` (``d MMMM``), ``lun. 23 nov.`` (``EEE d MMM``), ``novembre 2026`` (``MMMM yyyy``);
    French writes the first of a month « 1er mars »."""
    if isinstance(value, datetime):
        value = to_local(value).date()
    if style == "short":
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    conventions = _conventions()
    first = "1er" if value.day == 1 and conventions is _FRENCH else str(value.day)
    if style == "medium":
        return f"{first} {conventions.short_months[value.month - 1]} {value.year}"
    if style == "d MMM":  # chart labels
        return f"{first} {conventions.short_months[value.month - 1]}"
    if style == "MMM yy":
        return f"{conventions.short_months[value.month - 1]} {value.year % 100:02d}"
    if style == "d MMMM":  # « la semaine du 7 décembre »
        return f"{first} {conventions.months[value.month - 1]}"
    if style == "EEE d MMM":  # a day in a short list: « lun. 7 déc. »
        return f"{conventions.short_weekdays[value.weekday()]} {first} {conventions.short_months[value.month - 1]}"
    if style == "MMMM yyyy":  # a month in a table
        return f"{conventions.months[value.month - 1]} {value.year}"
    text = f"{first} {conventions.months[value.month - 1]} {value.year}"
    if style == "long":
        return text
    if style == "full":
        return conventions.full_date.format(weekday=conventions.weekdays[value.weekday()], date=text)
    raise ValueError(f"unknown date style {style!r}")


def moment(value: datetime, style: str = "short") -> str:
    """``23/11/2026 14:05`` (``23/11/2026, 14:05`` in English), in Paris time."""
    if style != "short":
        raise ValueError(f"unknown moment style {style!r}")
    local = to_local(value)
    return _conventions().short_moment.format(date=day(local.date(), "short"), time=f"{local:%H:%M}")


def clock(value: time) -> str:
    """A time of day: ``18 h 30``, ``21 h`` in French (no-break spaces), ``18:30`` in English."""
    if _conventions() is _FRENCH:
        return f"{value.hour}\u00a0h" + (f"\u00a0{value.minute:02d}" if value.minute else "")
    return f"{value:%H:%M}"


def local_today() -> date:
    """Today in France: the app's days are Paris days, whatever zone the machine's clock is in."""
    return datetime.now(PARIS).date()


def local_now() -> datetime:
    """Now, in the app's one time zone (Europe/Paris), whatever the machine's clock says:
    what is shown (« chiffres lus à 23:01 ») and how files are dated agree with the timeline."""
    return datetime.now(PARIS)


def to_local(value: datetime) -> datetime:
    """Stored datetimes are UTC; people read them in Europe/Paris."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo("UTC"))
    return value.astimezone(PARIS)
