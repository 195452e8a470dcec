"""Schemathesis against a real server on both backends: requests generated from the OpenAPI document,
bodies included (every body is declared), with a bounded number of examples per operation. Any answer
must be a declared status with a declared body and headers, and never a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.sync.conftest import BureauServer, token_of

EXAMPLES = 30  # per operation; with both backends and every operation, about a minute on 2 cores
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          response_headers_conformance]


@schemathesis.serializer("application/offset+octet-stream")
def _upload_bytes(_ctx, value) -> bytes:
    """A PATCH's body: the bytes as generated (tus-like uploads name their own media type)."""
    return value if isinstance(value, bytes) else str(value).encode("utf-8")


@pytest.fixture
def api(bureau: BureauServer, device):
    return schemathesis.openapi.from_url(f"{bureau.url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_the_api_answers_as_declared(case, bureau: BureauServer, device) -> None:
    case.call_and_validate(base_url=bureau.url, headers={"Authorization": f"Bearer {token_of(device)}"},
                           checks=CHECKS)
