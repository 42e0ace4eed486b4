"""The API's request and response shapes: they validate input and write the OpenAPI document.

Limits live here, beside the fields they bound, so the document states them to every client.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Final, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

__all__ = ["MAX_BODY", "MAX_TEXT", "MAX_URL", "MAX_URLS", "Entry", "ErrorBody", "ErrorResponse",
           "Health", "LinkRecord", "ManyRequest", "ManyResponse", "Reason", "Record", "TextRequest",
           "TextResponse", "UrlRequest", "Versions"]

MAX_URL: Final = 4096  # characters in one URL; a browser's address bar rarely holds more
MAX_URLS: Final = 100  # URLs in one request
MAX_TEXT: Final = 20_000  # characters in one message: several screens of chat
MAX_BODY: Final = 512 * 1024  # bytes in any request body, counted as they arrive

_SURROGATES: Final = re.compile("[\ud800-\udfff]")


def _scalar(text: str) -> str:
    # JSON may carry a lone surrogate (\ud800); it cannot be written back as UTF-8, so it becomes
    # U+FFFD, as a browser shows it, and the text checked is the text answered
    return _SURROGATES.sub("\ufffd", text)


Lang = Literal["en", "id"]
LangField = Annotated[Lang, Field(description="language of labels and messages")]
UrlText = Annotated[str, Field(max_length=MAX_URL), AfterValidator(_scalar)]


class _Request(BaseModel):
    # a misspelt key is an error, not a silent default
    model_config = ConfigDict(extra="forbid", strict=True)


class UrlRequest(_Request):
    """One URL (or bare host name) to judge."""

    url: UrlText
    lang: LangField = "en"


class ManyRequest(_Request):
    """Up to ``MAX_URLS`` URLs, judged in order."""

    urls: Annotated[list[UrlText], Field(max_length=MAX_URLS)]
    lang: LangField = "en"


class TextRequest(_Request):
    """A message (chat, SMS, e-mail body) whose links are found and judged."""

    text: Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_scalar)]
    lang: LangField = "en"


class Reason(BaseModel):
    code: str
    category: str
    weight: int
    target: str | None
    matched: str
    detail: str
    message: str


class Entry(BaseModel):
    domain: str
    kind: str
    name: str
    region: str | None
    source: str
    origin: str
    line: int | None


Verdict = Literal["official", "government", "lookalike", "suspicious", "unrelated", "invalid"]


class Record(BaseModel):
    """One result: the record ``check --json`` writes and ``CheckResult.to_dict`` returns."""

    schema_version: Literal[1]
    input: str
    url: str
    verdict: Verdict
    label: str
    flagged: bool
    score: Annotated[int, Field(ge=0, le=100)]
    target: str | None
    host: str | None
    ascii_host: str | None
    registrable_domain: str | None
    entry: Entry | None
    reasons: list[Reason]
    lang: Lang


class LinkRecord(Record):
    """A link in a message: ``text[start:end] == raw`` (positions in Unicode code points)."""

    raw: str
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    kind: Literal["url", "email"]
    defanged: bool


class ManyResponse(BaseModel):
    results: list[Record]


class TextResponse(BaseModel):
    links: list[LinkRecord]


class Health(BaseModel):
    status: Literal["ok"]


class Versions(BaseModel):
    domainguard: str
    schema_version: Literal[1]
    api: Literal["v1"]
    data: dict[str, str]


class ErrorBody(BaseModel):
    code: str = Field(description="stable, e.g. malformed_json, too_many_urls, body_too_large")
    message: str
    details: list[dict[str, Any]] = Field(default_factory=list)


class ErrorResponse(BaseModel):
    error: ErrorBody
