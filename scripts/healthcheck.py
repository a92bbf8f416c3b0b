"""Exit 0 when the dashboard on this machine answers its health check, 1 otherwise (the image's HEALTHCHECK).

Uses only the standard library: the slim image has no curl.
"""

import os
import sys
import urllib.request

port = os.environ.get("PORT", "8501")
base = os.environ.get("BASE_URL_PATH", "").strip("/")
url = f"http://127.0.0.1:{port}/{base + '/' if base else ''}_stcore/health"
try:
    with urllib.request.urlopen(url, timeout=5) as response:
        sys.exit(0 if response.status == 200 and response.read().strip() == b"ok" else 1)
except OSError as error:
    print(f"{url}: {error}", file=sys.stderr)
    sys.exit(1)
