"""The maintainers' console at ``/console``: documents, ingest, the unanswered questions,
the answers switch and the audit log. Off (404) unless ``ICS_MAINTAINER_TOKEN`` is set."""
