"""Word's list number formats (OOXML ``ST_NumberFormat``): a counter as the label shows it."""

from __future__ import annotations

from collections.abc import Callable

_ZH = "零一二三四五六七八九"
_ZH_DIGITS = "〇一二三四五六七八九"
_ZH_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def chinese(n: int, digits: str = _ZH, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 105 → 一百零五 (up to 9999; above: digit by digit)."""
    if n > 9999:
        return "".join(_ZH_DIGITS[int(d)] for d in str(n))
    if n == 0:
        return digits[0]
    parts: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d, n = divmod(n, power)
        if d:
            if zero:
                parts.append(digits[0])
            parts.append(digits[d] + unit)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    short = digits is _ZH and text.startswith("一十") and len(text) <= 3  # 十四, not 一十四
    return text[1:] if short else text


def roman(n: int) -> str:
    """14 → XIV."""
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA (Word repeats the letter)."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _table(chars: str, n: int) -> str:
    return chars[n - 1] if 1 <= n <= len(chars) else str(n)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalHalfWidth": str,
    "decimalFullWidth": lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n)),
    "decimalFullWidth2": lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n)),
    "upperRoman": roman,
    "lowerRoman": lambda n: roman(n).lower(),
    "upperLetter": letters,
    "lowerLetter": lambda n: letters(n).lower(),
    "chineseCounting": chinese,
    "chineseCountingThousand": chinese,
    "japaneseCounting": chinese,
    "taiwaneseCounting": chinese,
    "taiwaneseCountingThousand": chinese,
    "chineseLegalSimplified": lambda n: chinese(n, _ZH_LEGAL, "拾佰仟"),
    "ideographDigital": lambda n: "".join(_ZH_DIGITS[int(d)] for d in str(n)),
    "ideographTraditional": lambda n: _table(_TIANGAN, n),
    "ideographZodiac": lambda n: _table(_DIZHI, n),
    "decimalEnclosedCircle": lambda n: _table(_CIRCLED, n),
    "decimalEnclosedCircleChinese": lambda n: _table(_CIRCLED, n),
    "decimalEnclosedParen": lambda n: _table(_PAREN, n),
    "decimalEnclosedFullstop": lambda n: _table(_FULLSTOP, n),
    "none": lambda n: "",
}
"""Formats rendered; any other is shown as decimal (and reported)."""


def format_number(fmt: str, n: int) -> str | None:
    """``n`` in Word format ``fmt``; None when the format is not one of :data:`FORMATS`."""
    render = FORMATS.get(fmt)
    return None if render is None else render(n)
