from django.db import migrations

import peerpath.lib.search
from peerpath.lib.search import fold

BATCH = 2000


def fill_search_text(apps, schema_editor):
    LearningEntry = apps.get_model("portfolio", "LearningEntry")
    texts = LearningEntry.objects.only("title", "reflection", "practice", "impact")
    batch = []
    for entry in texts.iterator(chunk_size=BATCH):
        entry.search_text = fold(
            " ".join([entry.title, entry.reflection, entry.practice, entry.impact])
        )
        batch.append(entry)
        if len(batch) == BATCH:
            LearningEntry.objects.bulk_update(batch, ["search_text"])
            batch = []
    LearningEntry.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0003_portfolio_exports"),
    ]

    operations = [
        migrations.AddField(
            model_name="learningentry",
            name="search_text",
            field=peerpath.lib.search.FoldedTextField(
                sources=("title", "reflection", "practice", "impact")
            ),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop, elidable=True),
    ]
