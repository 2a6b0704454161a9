"""Pathways: browse, follow, and tick off resources."""

from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from peerpath.accounts.access import signed_in

from .. import services
from ..selectors import pathways as selectors


@signed_in
def pathway_list(request):
    pathways, followed = selectors.pathways_for(request.user)
    return render(request, "programmes/pathways.html", {"pathways": pathways, "followed": followed})


@signed_in
def pathway_page(request, pathway_slug):
    pathway = selectors.pathway_with_steps(
        get_object_or_404(selectors.pathways_visible_to(request.user), slug=pathway_slug)
    )
    progress = selectors.steps_progress(pathway, request.user)
    return render(
        request,
        "programmes/pathway.html",
        {
            "pathway": pathway,
            "progress": progress,
            "coverage": selectors.coverage(progress),
            "following": selectors.is_following(pathway, request.user),
            "done_count": sum(1 for item in progress if item.done),
        },
    )


@signed_in
@require_POST
def pathway_follow(request, pathway_slug):
    pathway = get_object_or_404(selectors.pathways_visible_to(request.user), slug=pathway_slug)
    if request.POST.get("follow") == "no":
        services.pathway_unfollow(pathway=pathway, person=request.user)
    else:
        services.pathway_follow(pathway=pathway, person=request.user)
    return redirect(pathway)


@signed_in
@require_POST
def pathway_step(request, pathway_slug, step_id):
    pathway = get_object_or_404(selectors.pathways_visible_to(request.user), slug=pathway_slug)
    step = get_object_or_404(pathway.steps, pk=step_id, activity__isnull=True)
    services.step_mark_done(step=step, person=request.user, done=request.POST.get("done") == "yes")
    return redirect(f"{pathway.get_absolute_url()}#step-{step.pk}")
