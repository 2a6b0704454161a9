"""Pages are compressed for browsers that accept it; files people download are not."""

import gzip

from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse

from peerpath.lib.compression import PageGZipMiddleware


def test_a_page_goes_out_compressed_to_a_browser_that_accepts_it(client, alice):
    client.force_login(alice)

    plain = client.get(reverse("frameworks:list"))
    packed = client.get(reverse("frameworks:list"), HTTP_ACCEPT_ENCODING="gzip, br")

    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content).decode().count("<tr") == plain.content.decode().count(
        "<tr"
    )
    assert len(packed.content) < len(plain.content) / 2


def test_the_api_is_compressed_too(client, alice, shipped_frameworks):
    client.force_login(alice)

    response = client.get("/api/v1/frameworks/", HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"


def test_a_pdf_or_a_file_being_streamed_is_sent_as_it_is(rf):
    pdf = HttpResponse(b"%PDF-1.7 " + b"0" * 5000, content_type="application/pdf")
    streamed = StreamingHttpResponse(iter([b"a" * 5000]), content_type="text/plain")
    middleware = PageGZipMiddleware(lambda request: None)
    request = rf.get("/", HTTP_ACCEPT_ENCODING="gzip")

    assert "Content-Encoding" not in middleware.process_response(request, pdf)
    assert "Content-Encoding" not in middleware.process_response(request, streamed)
