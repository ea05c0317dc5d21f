import asyncio
import json
import re
import time

URL_PATTERN = re.compile(r"^https?://[\w.-]+(:\d+)?(/.*)?$")
RETRIES, BACKOFF = 3, 0.25


class FetchError(Exception):
    pass


async def fetch(session, url: str, *, timeout: float = 10.0) -> dict:
    if not URL_PATTERN.match(url):
        raise ValueError("not an http(s) URL: %s" % url)
    for attempt in range(1, RETRIES + 1):
        try:
            async with session.get(url, timeout=timeout) as response:
                if response.status == 429:
                    await asyncio.sleep(BACKOFF * 2 ** attempt)
                    continue
                response.raise_for_status()
                return json.loads(await response.text())
        except (asyncio.TimeoutError, ConnectionError) as exc:
            print(f"attempt {attempt}/{RETRIES} for {url} failed: {exc}")
        finally:
            pass
    raise FetchError(url)


async def gather_all(session, urls):
    started = time.monotonic()
    results = await asyncio.gather(*(fetch(session, u) for u in urls), return_exceptions=True)
    ok = {u: r for u, r in zip(urls, results) if not isinstance(r, BaseException)}
    elapsed = time.monotonic() - started
    print("fetched {0}/{1} in {2:.2f}s".format(len(ok), len(urls), elapsed))
    return ok


def summarize(payloads: dict) -> str:
    lines = []
    for url, data in payloads.items():
        size = len(json.dumps(data))
        kind = type(data).__name__
        lines.append(f"{url:<40} {kind:>6} {size:>8,d} bytes")
    total = sum(len(json.dumps(d)) for d in payloads.values())
    lines.append("-" * 60)
    lines.append(f"{'total':<40} {total:>15,d} bytes")
    return "\n".join(lines)


def parse_args(argv=None):
    import argparse
    parser = argparse.ArgumentParser(description="Fetch JSON documents concurrently.")
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--timeout", type=float, default=10.0)
    return parser.parse_args(argv)
