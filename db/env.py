"""Alembic environment: the workbench passes its own connection; the CLI may pass a URL."""

from alembic import context
from sqlalchemy import create_engine

from workbench.domain import Base
from workbench.store.text_index import include_name

config = context.config
target_metadata = Base.metadata


def run_with(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,  # the text indexes (FTS5 tables) are no models
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_with(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as own_connection:
        run_with(own_connection)
