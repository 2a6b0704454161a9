from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils import formats, timezone
from django.views.decorators.http import require_POST

from . import services


def signed_in_json(view):
    """Like signed_in, but answers 401 JSON instead of redirecting (it is called by script)."""

    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"error": "signed-out"}, status=401)
        return view(request, *args, **kwargs)

    wrapped.access_rule = "signed-in"
    return wrapped


@signed_in_json
@require_POST
def draft_save(request):
    try:
        draft = services.draft_save(
            owner=request.user,
            key=request.POST.get("key", ""),
            text=request.POST.get("text", ""),
        )
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    local = timezone.localtime(draft.updated_at)
    return JsonResponse({"saved_at": formats.time_format(local, "H:i"), "iso": local.isoformat()})
