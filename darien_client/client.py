"""A typed client of the Darién crossings API around an httpx.Client the caller configures.

The caller owns the connection: base URL, timeouts, proxies, transport (an ASGI app in tests) and
any Authorization header are set on the httpx.Client passed in.
"""

from collections.abc import Iterator
from datetime import date
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, TypeAdapter

from darien_client.errors import DarienError
from darien_client.models import (
    Breakdown,
    CanonicalDetail,
    Claim,
    Figure,
    Ingested,
    Removed,
    Series,
    SourceListed,
    Summary,
)

T = TypeVar("T", bound=BaseModel)
Params = dict[str, Any]


def _params(**values: Any) -> Params:
    """Query parameters without the ones left unset."""
    return {name: value for name, value in values.items() if value is not None}


class DarienClient:
    """Read the record, check claims and ingest documents; every error raises DarienError."""

    def __init__(self, http: httpx.Client, api_key: str | None = None) -> None:
        self.http = http
        self.headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}

    def _send(self, method: str, url: str, **options: Any) -> httpx.Response:
        response = self.http.request(method, url, headers=self.headers, **options)
        if response.is_error:
            raise DarienError.from_response(response)
        return response

    def _get(self, model: type[T], url: str, params: Params | None = None) -> T:
        return model.model_validate(self._send("GET", url, params=params).json())

    def _pages(self, model: type[T], url: str, params: Params) -> Iterator[T]:
        """Every row of a paginated list, following the Link header's next page."""
        next_url: str | None = url
        query: Params | None = params
        while next_url is not None:
            response = self._send("GET", next_url, params=query)
            query = None  # the next link carries the whole query
            yield from (model.model_validate(row) for row in response.json()["data"])
            next_url = response.links.get("next", {}).get("url")

    def yearly(self, year_from: int | None = None, year_to: int | None = None) -> Series:
        """The canonical total of each year (from, to: default the covered years)."""
        return self._get(
            Series, "/v1/crossings/yearly", _params(**{"from": year_from, "to": year_to})
        )

    def year(self, year: int) -> CanonicalDetail:
        """One year's canonical total, with every other figure reported for it."""
        return self._get(CanonicalDetail, f"/v1/crossings/yearly/{year}")

    def monthly(
        self, year: int | None = None, month_from: str | None = None, month_to: str | None = None
    ) -> Series:
        """The canonical total of each month: of one year, or from/to as YYYY-MM."""
        query = _params(year=year, **{"from": month_from, "to": month_to})
        return self._get(Series, "/v1/crossings/monthly", query)

    def month(self, year: int, month: int) -> CanonicalDetail:
        """One month's canonical total, with every other figure reported for it."""
        return self._get(CanonicalDetail, f"/v1/crossings/monthly/{year}/{month}")

    def figure(self, figure_id: str) -> Figure:
        """Any reported figure, canonical or not."""
        return self._get(Figure, f"/v1/figures/{figure_id}")

    def figures(self, page_size: int = 500, **filters: str | int | None) -> Iterator[Figure]:
        """Every reported figure matching the filters (year, dimension, dimension_value, unit,
        qualifier, attributed_to, source), fetched a page at a time as you iterate."""
        return self._pages(Figure, "/v1/figures", _params(limit=page_size, **filters))

    def sources(self, page_size: int = 500) -> Iterator[SourceListed]:
        """Every source, a page at a time."""
        return self._pages(SourceListed, "/v1/sources", {"limit": page_size})

    def by_nationality(self, year: int, month: int | None = None) -> Breakdown:
        """A year's (or month's) crossings by nationality."""
        return self._get(Breakdown, "/v1/crossings/by-nationality", _params(year=year, month=month))

    def demographics(self, year: int, month: int | None = None) -> Breakdown:
        """A year's (or month's) crossings by age and sex."""
        return self._get(Breakdown, "/v1/crossings/demographics", _params(year=year, month=month))

    def summary(self) -> Summary:
        """Latest year and month, year to date, and the record year and month."""
        return self._get(Summary, "/v1/summary")

    def check_claim(
        self, text: str, published: date | None = None, language: str | None = None
    ) -> list[Claim]:
        """The figures a text states, each judged against the record."""
        body = {
            "text": text,
            "published": published and published.isoformat(),
            "language": language,
        }
        answer = self._send("POST", "/v1/claims/check", json=body).json()
        return TypeAdapter(list[Claim]).validate_python(answer["claims"])

    def ingest(self, text: str, *, publisher: str, title: str, **metadata: Any) -> Ingested:
        """Store a document and the figures read from it (needs an api_key). `metadata`: url,
        published (a date), language, attributed_to, kind, wire."""
        published = metadata.get("published")
        if isinstance(published, date):
            metadata["published"] = published.isoformat()
        body = {"text": text, "publisher": publisher, "title": title, **metadata}
        return Ingested.model_validate(self._send("POST", "/v1/documents", json=body).json())

    def remove(self, document_id: int) -> Removed:
        """Undo an ingest: the document, its figures and its source go (needs an api_key)."""
        return Removed.model_validate(self._send("DELETE", f"/v1/documents/{document_id}").json())
