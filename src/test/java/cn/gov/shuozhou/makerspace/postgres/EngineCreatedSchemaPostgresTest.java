package cn.gov.shuozhou.makerspace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.PostgresSupport.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle on PostgreSQL when the engine creates its own schema on first start
 * ({@code camunda.bpm.database.schema-update=true}, the default of application.yaml) and the
 * application runs schema.sql for its own tables.
 */
class EngineCreatedSchemaPostgresTest extends PostgresLifecycleContract {

  @Override
  protected ApplicationNode startNode(TestDatabase db) {
    return ApplicationNode.on(db).name("pgEngineSchema").schemaUpdate(true).start();
  }

  @Override
  protected int creditCodeSeries() {
    return 11;
  }

  @Test
  void engineCreatedTheSchemaOfThisVersion() {
    assertThat(db.jdbc().queryForList("SELECT version_ FROM act_ge_schema_log", String.class)).containsExactly("7.24.0");
    assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' "
        + "AND table_name LIKE 'act\\_%'")).as("engine tables, as from the scripts").isEqualTo(49);
    assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' "
        + "AND table_name IN ('ms_sequence', 'ms_certificate', 'ms_ban', 'ms_space_application')")).isEqualTo(4);
    assertThat(db.jdbc().queryForObject("SELECT current_setting('server_version_num')::int", Integer.class))
        .as("PostgreSQL major version").isGreaterThanOrEqualTo(130000);
  }
}
