package cn.gov.shuozhou.makerspace.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.support.PostgresSupport;
import cn.gov.shuozhou.makerspace.support.PostgresSupport.TestDatabase;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/**
 * The documented production path (docs/operations.md): a database administrator creates the
 * engine's schema with the SQL scripts that ship inside camunda-engine.jar, then runs our
 * schema.sql; the application runs with {@code camunda.bpm.database.schema-update=false}, so it
 * never changes the schema itself (it runs schema.sql again on start, which must change nothing).
 */
class ScriptCreatedSchemaPostgresTest extends PostgresLifecycleContract {

  @Override
  protected ApplicationNode startNode(TestDatabase db) {
    PostgresSupport.createSchemaFromScripts(db);
    return ApplicationNode.on(db).name("pgScriptSchema").schemaUpdate(false).start();
  }

  @Override
  protected int creditCodeSeries() {
    return 12;
  }

  @Test
  void schemaCameFromTheScriptsOfThisVersion() {
    assertThat(db.jdbc().queryForList("SELECT version_ FROM act_ge_schema_log", String.class)).containsExactly("7.24.0");
    assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' "
        + "AND table_name LIKE 'act\\_%'")).as("engine tables").isEqualTo(49);
  }

  @Test
  void withoutTheScriptsTheEngineRefusesToStart() {
    try (TestDatabase empty = PostgresSupport.createDatabase("noschema")) {
      ProcessEngineConfiguration config = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
          .setProcessEngineName("pgNoSchema")
          .setJdbcUrl(empty.url()).setJdbcUsername(empty.user()).setJdbcPassword(empty.password())
          .setJdbcDriver("org.postgresql.Driver")
          .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
          .setJobExecutorActivate(false);
      assertThatThrownBy(() -> config.buildProcessEngine().close())
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("ENGINE-03057 There are no Camunda tables in the database");
      assertThat(empty.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).isZero();
    }
  }
}
