"""Numeral systems of clause labels, both ways: Chinese, Roman, letters, circled, ordinals."""

from __future__ import annotations

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_WRITE = "零一二三四五六七八九"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_WRITE = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
)  # fmt: skip
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ZH_NUM = "[一二三四五六七八九十百千万零〇两]+"
"""A Chinese numeral, as a regular expression character class."""
_FULL_WIDTH_DIGITS = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}


def zh_to_int(s: str) -> int:
    """Chinese numerals below 100 million, or digits: 十四 → 14, 一百零二 → 102,
    一千二百六十 → 1260, 两万 → 20000, ``12`` → 12."""
    s = s.translate(_FULL_WIDTH_DIGITS)
    if s.isdigit():
        return int(s)
    total = section = current = 0
    for ch in s:
        if ch in _ZH_DIGITS:
            current = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            section += (current or 1) * _ZH_UNITS[ch]
            current = 0
        elif ch == "万":
            total += (section + current or 1) * 10_000
            section = current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + section + current


def int_to_zh(n: int) -> str:
    """1 → 一, 14 → 十四, 102 → 一百零二, 110 → 一百一十, 20000 → 二万 (0 < n < 10**8)."""
    if n >= 10_000:
        high, low = divmod(n, 10_000)
        rest = "" if not low else ("零" if low < 1000 else "") + _below_10k(low, True)
        return _below_10k(high, False) + "万" + rest
    return _below_10k(n, False)


def _below_10k(n: int, inner: bool) -> str:
    out: list[str] = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, unit)
        if digit:
            if zero:
                out.append("零")
            zero = False
            if not (unit == 10 and digit == 1 and not out and not inner):
                out.append(_ZH_WRITE[digit])
            out.append(name)
        elif out:
            zero = True
    return "".join(out) or "零"


def roman_to_int(s: str) -> int:
    """Roman numerals, either case: XIV → 14, iv → 4."""
    values = [_ROMAN[c] for c in s.upper()]
    total = 0
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and v < values[i + 1] else v
    return total


def int_to_roman(n: int) -> str:
    """14 → XIV."""
    out = []
    for value, sym in _ROMAN_WRITE:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def letter_to_int(s: str) -> int:
    """a → 1, z → 26, A → 1 (one letter)."""
    return ord(s.lower()) - ord("a") + 1


def int_to_letter(n: int) -> str:
    """1 → a; past z the number itself."""
    return chr(ord("a") + n - 1) if 1 <= n <= 26 else str(n)


def circled_to_int(s: str) -> int:
    """② → 2."""
    return CIRCLED.index(s) + 1


def int_to_circled(n: int) -> str:
    """2 → ②; past ⑳ the number in parentheses."""
    return CIRCLED[n - 1] if 1 <= n <= len(CIRCLED) else f"({n})"


def ordinal_to_int(s: str) -> int:
    """Second → 2, Secondly → 2."""
    return ORDINALS.index(s.lower().removesuffix("ly")) + 1


def int_to_ordinal(n: int) -> str:
    """2 → Second; past fifteenth #n."""
    return ORDINALS[n - 1].title() if 1 <= n <= len(ORDINALS) else f"#{n}"


def arabic_to_int(s: str) -> int:
    """Digits, full-width too; for decimal numbering the last component: ``4.2.1`` → 1."""
    if s.isascii() and s.isdigit():
        return int(s)
    return int(s.translate(_FULL_WIDTH_DIGITS).replace("．", ".").rpartition(".")[2])
