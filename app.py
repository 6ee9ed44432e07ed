"""Run the ICS Assistant server: ``python app.py`` (same as ``ics-assistant serve``)."""

from __future__ import annotations

import uvicorn

from ics_assistant.api.app import create_app
from ics_assistant.config import Settings, quiet_third_parties

if __name__ == "__main__":
    quiet_third_parties()
    settings = Settings()
    # proxy_headers off: the app trusts X-Forwarded-For only from ICS_TRUSTED_PROXIES itself
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, proxy_headers=False)
