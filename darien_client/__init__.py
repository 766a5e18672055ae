"""A typed Python client of the Darién crossings API.

import httpx
from darien_client import DarienClient
print(DarienClient(httpx.Client(base_url="http://127.0.0.1:8000")).year(2023).value)
"""

from darien_client.client import DarienClient
from darien_client.errors import DarienError
from darien_client.models import (
    Breakdown,
    BreakdownRow,
    CanonicalDetail,
    CanonicalFigure,
    Claim,
    ComparedFigure,
    Document,
    Figure,
    Ingested,
    Removed,
    Series,
    Source,
    SourceListed,
    Summary,
)

__all__ = [
    "Breakdown",
    "BreakdownRow",
    "CanonicalDetail",
    "CanonicalFigure",
    "Claim",
    "ComparedFigure",
    "DarienClient",
    "DarienError",
    "Document",
    "Figure",
    "Ingested",
    "Removed",
    "Series",
    "Source",
    "SourceListed",
    "Summary",
]
