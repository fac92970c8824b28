"""The fetcher's limits, against a local server: schemes, sizes, bombs, redirects, retries."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Iterator

import pytest
from feeds_support import FAST
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tuireader.feeds.fetching import Fetcher, FetchError, FetchPolicy, Validators

MB = 1024 * 1024


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as client:
        yield client


class TestRefused:
    @pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml",
                                     "gopher://127.0.0.1/", "javascript:alert(1)"])
    def test_other_schemes_are_refused(self, fetcher: Fetcher, url: str) -> None:
        with pytest.raises(FetchError, match="refused"):
            fetcher.fetch(url)

    def test_a_redirect_to_a_file_url_is_refused(self, fetcher: Fetcher,
                                                 httpserver: HTTPServer) -> None:
        httpserver.expect_request("/away").respond_with_data(
            "", status=302, headers={"Location": "file:///etc/passwd"})
        with pytest.raises(FetchError, match="redirected to a refused URL: file:"):
            fetcher.fetch(httpserver.url_for("/away"))


class TestSize:
    def test_a_gzip_bomb_stops_at_the_limit(self, fetcher: Fetcher,
                                            httpserver: HTTPServer) -> None:
        bomb = gzip.compress(b"\0" * (64 * MB), compresslevel=9)
        assert len(bomb) < FAST.max_bytes  # small on the wire, 64 times the limit unpacked
        httpserver.expect_request("/bomb").respond_with_data(
            bomb, headers={"Content-Encoding": "gzip"}, content_type="application/xml")
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(httpserver.url_for("/bomb"))
        assert str(caught.value) == "response larger than 1 MB (stopped)"

    def test_an_oversize_body_without_length_stops_at_the_limit(
            self, fetcher: Fetcher, httpserver: HTTPServer) -> None:
        def endless(_request: Request) -> Response:
            chunks = (b"<item>" * 1000 for _ in range(10_000))  # 60 MB, streamed
            return Response(chunks, content_type="application/xml")

        httpserver.expect_request("/huge").respond_with_handler(endless)
        with pytest.raises(FetchError, match=r"^response larger than 1 MB \(stopped\)$"):
            fetcher.fetch(httpserver.url_for("/huge"))

    def test_a_declared_oversize_body_is_not_read(self, fetcher: Fetcher,
                                                  httpserver: HTTPServer) -> None:
        httpserver.expect_request("/big").respond_with_data(b"x" * (2 * MB))
        with pytest.raises(FetchError, match=r"^response larger than 1 MB \(not read\)$"):
            fetcher.fetch(httpserver.url_for("/big"))

    def test_gzip_within_the_limit_is_decoded(self, fetcher: Fetcher,
                                              httpserver: HTTPServer) -> None:
        httpserver.expect_request("/small").respond_with_data(
            gzip.compress(b"<rss/>" * 100), headers={"Content-Encoding": "gzip"})
        assert fetcher.fetch(httpserver.url_for("/small")).content == b"<rss/>" * 100


class TestRedirects:
    def test_a_loop_ends_with_a_reason(self, fetcher: Fetcher, httpserver: HTTPServer) -> None:
        httpserver.expect_request("/a").respond_with_data("", status=301,
                                                          headers={"Location": "/b"})
        httpserver.expect_request("/b").respond_with_data("", status=302,
                                                          headers={"Location": "/a"})
        with pytest.raises(FetchError, match=r"^redirect loop$"):
            fetcher.fetch(httpserver.url_for("/a"))

    def test_an_endless_chain_ends_at_the_limit(self, fetcher: Fetcher,
                                                httpserver: HTTPServer) -> None:
        for hop in range(10):
            httpserver.expect_request(f"/hop{hop}").respond_with_data(
                "", status=307, headers={"Location": f"/hop{hop + 1}"})
        with pytest.raises(FetchError, match=r"too many redirects \(over 5\)"):
            fetcher.fetch(httpserver.url_for("/hop0"))

    def test_the_final_url_is_reported(self, fetcher: Fetcher, httpserver: HTTPServer) -> None:
        httpserver.expect_request("/old").respond_with_data("", status=301,
                                                            headers={"Location": "/new"})
        httpserver.expect_request("/new").respond_with_data("<rss/>")
        fetched = fetcher.fetch(httpserver.url_for("/old"))
        assert fetched.url == httpserver.url_for("/new") and fetched.content == b"<rss/>"


class TestRetries:
    def test_a_server_error_is_retried(self, fetcher: Fetcher, httpserver: HTTPServer) -> None:
        httpserver.expect_ordered_request("/flaky").respond_with_data("busy", status=503)
        httpserver.expect_ordered_request("/flaky").respond_with_data("<rss/>")
        assert fetcher.fetch(httpserver.url_for("/flaky")).content == b"<rss/>"

    def test_a_lasting_error_fails_after_the_retries(self, httpserver: HTTPServer) -> None:
        httpserver.expect_request("/down").respond_with_data("no", status=500)
        waits: list[float] = []
        policy = FetchPolicy(retries=2, backoff=0.5)
        with Fetcher(policy, sleep=waits.append) as client, pytest.raises(
                FetchError, match=r"^HTTP 500 INTERNAL SERVER ERROR$"):
            client.fetch(httpserver.url_for("/down"))
        assert len(httpserver.log) == 3
        assert waits == [0.5, 1.0]  # backoff doubles

    def test_a_client_error_is_not_retried(self, fetcher: Fetcher,
                                           httpserver: HTTPServer) -> None:
        httpserver.expect_request("/gone").respond_with_data("", status=404)
        with pytest.raises(FetchError, match=r"^HTTP 404 NOT FOUND$"):
            fetcher.fetch(httpserver.url_for("/gone"))
        assert len(httpserver.log) == 1

    def test_a_silent_server_times_out(self, httpserver: HTTPServer) -> None:
        release = threading.Event()

        def stall(_request: Request) -> Response:
            release.wait(5)
            return Response("late")

        httpserver.expect_request("/slow").respond_with_handler(stall)
        policy = FetchPolicy(timeout=0.2, retries=0)
        try:
            with Fetcher(policy) as client, pytest.raises(FetchError,
                                                          match=r"^timed out after 0.2 s$"):
                client.fetch(httpserver.url_for("/slow"))
        finally:
            release.set()

    def test_a_closed_port_is_a_connection_error(self, fetcher: Fetcher) -> None:
        with pytest.raises(FetchError, match=r"connection refused|cannot connect"):
            fetcher.fetch("http://127.0.0.1:9/feed.xml")


def test_conditional_get_sends_the_validators(fetcher: Fetcher,
                                              httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed", headers={"If-None-Match": '"v1"',
                                                "If-Modified-Since": "Tue, 02 May 2023"}
                              ).respond_with_data("", status=304, headers={"ETag": '"v1"'})
    fetched = fetcher.fetch(httpserver.url_for("/feed"),
                            Validators('"v1"', "Tue, 02 May 2023"))
    assert fetched.not_modified and fetched.validators.etag == '"v1"'


def test_no_more_than_per_host_requests_at_once() -> None:
    in_flight = 0
    most = 0
    lock = threading.Lock()
    gate = threading.Barrier(2, timeout=5)

    def counted(_request: Request) -> Response:
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        with contextlib.suppress(threading.BrokenBarrierError):
            gate.wait()  # two requests do meet here: the limit lets two through
        time.sleep(0.01)
        with lock:
            in_flight -= 1
        return Response("<rss/>")

    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.expect_request("/feed").respond_with_handler(counted)
    server.start()
    try:
        with Fetcher(FetchPolicy(per_host=2)) as client:
            threads = [threading.Thread(target=client.fetch, args=(server.url_for("/feed"),))
                       for _ in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        server.clear()
        server.stop()
    assert most == 2
