"""Pages go out compressed to browsers that accept it: on a phone's slow connection a
100 KB results page arrives as about a tenth of that."""

from django.middleware.gzip import GZipMiddleware

# What is worth compressing: our pages, their fragments and the API. Files people upload
# or download (PDFs, zips, images) are compressed already or gain nothing, and static
# files come precompressed from WhiteNoise.
COMPRESSIBLE = ("text/", "application/json", "application/ld+json")


class PageGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (with its BREACH mitigation) for pages, not files."""

    def process_response(self, request, response):
        if response.streaming or not response.get("Content-Type", "").startswith(COMPRESSIBLE):
            return response
        return super().process_response(request, response)
