"""A streaming reader for one big JSON object: its top-level members one by one, and the items
of its `@graph` array one by one, each decoded by the standard library's C scanner.

Why not load the file whole: 100,000 members are 160 MB of JSON; `orjson.loads` holds them as
1.3 GB of Python objects (and the cyclic GC walks them all, several times). Why not ijson:
measured on that file, `json.JSONDecoder.raw_decode` per item takes 0.9 s where ijson's C
backend takes 1.7 s, and it sees every top-level key, so none is silently dropped (P21).
Memory stays at a window of text plus one item.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

_WINDOW = 1 << 20
_SPACE = " \t\n\r"


def _nested(depth: int) -> str:
    """A regular expression for a JSON object or array nested at most `depth` deep: strings
    skipped whole (escapes included), brackets counted. Possessive, so it never backtracks."""
    string = r'"[^"\\]*+(?:\\.[^"\\]*+)*+"'
    other = r'[^"{}\[\]]++'
    deeper = f"|{_nested(depth - 1)}" if depth > 1 else ""
    return rf"[{{\[](?:{string}|{other}{deeper})*+[}}\]]"


# The extent of a malformed @graph item, found without decoding it. Nodes nest 5 deep (an
# organisation's offer's service's name); deeper items are left to the decoder.
_NODE = re.compile(_nested(8))


class JsonSyntaxError(ValueError):
    """The text is not JSON (or not one top-level object); `line` is where it breaks."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True, slots=True)
class Member:
    """A top-level member other than `@graph`."""

    name: str
    value: Any


@dataclass(frozen=True, slots=True)
class GraphItem:
    """An item of the top-level `@graph` array: its position (from 1) and starting line."""

    position: int
    line: int
    value: Any


class _Text:
    """A window over a UTF-8 byte stream, decoded as it is read, that grows when a value
    crosses its end."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.utf8 = codecs.getincrementaldecoder("utf-8-sig")("strict")
        self.buffer = ""
        self.pos = 0
        self.eof = False
        self.line = 1  # the line at `counted`
        self.counted = 0
        self.decoder = json.JSONDecoder()
        self.start = 0  # where the last decoded value starts

    def current_line(self) -> int:
        self.line += self.buffer.count("\n", self.counted, self.pos)
        self.counted = self.pos
        return self.line

    def peek(self) -> str:
        """The next character that is not white space, or "" at the end."""
        while True:
            buffer, pos = self.buffer, self.pos
            while pos < len(buffer) and buffer[pos] in _SPACE:
                pos += 1
            self.pos = pos
            if pos < len(buffer):
                return buffer[pos]
            if not self._more():
                return ""

    def _more(self, size: int | None = None) -> bool:
        if self.eof:
            return False
        self.current_line()
        data = self.stream.read(size or _WINDOW)
        try:
            chunk = self.utf8.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise JsonSyntaxError(f"the file is not UTF-8 text ({exc.reason})", self.line) from None
        self.buffer = self.buffer[self.pos :] + chunk
        self.pos = self.counted = 0
        if not data:
            self.eof = True
        return bool(data)

    def expect(self, char: str, what: str) -> None:
        if self.peek() != char:
            found = repr(self.peek()) if self.peek() else "the end of the file"
            raise JsonSyntaxError(f"expected {what}, found {found}", self.current_line())
        self.pos += 1

    def value(self) -> Any:
        """The JSON value at the cursor, reading on while it is cut by the window's end."""
        self.peek()
        size = _WINDOW
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as exc:
                offset = exc.pos - self.pos  # reading on moves the window
                if self._more(size):
                    size *= 2  # a value larger than the window: grow, do not rescan forever
                    continue
                raise self._syntax_error(exc.msg, offset) from None
            if end == len(self.buffer) and self._more(size):
                continue  # a number cut at the window's end would decode short
            self.start, self.pos = self.pos, end
            return value

    def text_of_value(self) -> str:
        """The text of the JSON value at the cursor. The C scanner finds where it ends faster
        than `_NODE`, which skips strings and counts brackets (10 against 17 us a member,
        though it builds the objects it reads); but an object or array that is malformed
        is delimited by `_NODE`, for whoever takes its text to decode it and report the
        error there: the items after it are still read."""
        self.peek()
        size = _WINDOW
        while True:
            start = self.pos
            try:
                end = self.decoder.raw_decode(self.buffer, start)[1]
            except json.JSONDecodeError as exc:
                found = _NODE.match(self.buffer, start)
                offset = exc.pos - start  # reading on moves the window
                if found is not None:
                    end = found.end()
                elif self._more(size):  # cut by the window's end, perhaps
                    size *= 2
                    continue
                else:
                    raise self._syntax_error(exc.msg, offset) from None
            else:
                if end == len(self.buffer) and self._more(size):
                    continue  # a number cut at the window's end would decode short
            self.pos = end
            return self.buffer[start:end]

    def _syntax_error(self, message: str, offset: int) -> JsonSyntaxError:
        """The decoder's error at `offset` characters from the cursor."""
        line = self.current_line() + self.buffer.count("\n", self.pos, self.pos + offset)
        return JsonSyntaxError(f"malformed JSON: {message}", line)


def top_level(stream: BinaryIO, *, graph_text: bool = False) -> Iterator[Member | GraphItem]:
    """The members of the top-level object in file order, `@graph` items one at a time:
    decoded, or with `graph_text` as their JSON text (`GraphItem.value` is then a str)."""
    text = _Text(stream)
    text.expect("{", "a JSON object ('{') at the start of the file")
    if text.peek() == "}":
        text.pos += 1
    else:
        while True:
            line = text.current_line()
            name = text.value()
            if not isinstance(name, str):
                raise JsonSyntaxError("expected a member name (a string)", line)
            text.expect(":", "':' after a member name")
            if name == "@graph" and text.peek() == "[":
                yield from _items(text, graph_text)
            else:
                yield Member(name, text.value())
            if text.peek() != ",":
                break
            text.pos += 1
        text.expect("}", "',' or '}' after a member")
    if text.peek():
        raise JsonSyntaxError("extra text after the top-level object", text.current_line())


def _items(text: _Text, as_text: bool) -> Iterator[GraphItem]:
    text.pos += 1  # the "["
    if text.peek() == "]":
        text.pos += 1
        return
    position = 0
    while True:
        position += 1
        text.peek()
        line = text.current_line()
        yield GraphItem(position, line, text.text_of_value() if as_text else text.value())
        if text.peek() != ",":
            break
        text.pos += 1
    text.expect("]", "',' or ']' between @graph items")
