"""Forms for mentoring pages, rendered as GOV.UK components by peerpath.lib.forms."""
