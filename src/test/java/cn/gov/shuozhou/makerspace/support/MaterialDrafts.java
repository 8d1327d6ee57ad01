package cn.gov.shuozhou.makerspace.support;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;

import cn.gov.shuozhou.makerspace.application.ApplicationValidator;
import cn.gov.shuozhou.makerspace.application.RequiredMaterials;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.dmn.StandaloneDecisions;
import cn.gov.shuozhou.makerspace.materials.ApplicationDrafts;
import cn.gov.shuozhou.makerspace.materials.ContentStore;
import cn.gov.shuozhou.makerspace.materials.MaterialFiles;
import cn.gov.shuozhou.makerspace.materials.MaterialStep;
import cn.gov.shuozhou.makerspace.materials.MaterialUploads;
import cn.gov.shuozhou.makerspace.organisation.Organisations;
import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every filing needs the required materials of its checklist among the filer's drafts
 * ({@code application/ApplicationIntakeListener}). Before a test files, this uploads them the way
 * {@code POST /api/materials} stores them (the same {@link MaterialUploads}: type, hash, limits),
 * without HTTP and with one tiny PDF for every item, so the rule is exercised and stays cheap. The
 * door itself is tested in {@code materials/MaterialsHttpTest}.
 */
public final class MaterialDrafts {

  /** The smallest PDF the upload accepts: one for every item of every filing. */
  private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);
  private static final Map<ProcessEngine, MaterialDrafts> BY_ENGINE = new HashMap<>();
  private static final ApplicationValidator VALIDATOR =
      new ApplicationValidator(Validation.buildDefaultValidatorFactory().getValidator());

  private final RequiredMaterials checklist;
  private final MaterialUploads uploads;
  private final ApplicationDrafts drafts;
  private final Organisations organisations;

  private MaterialDrafts(ProcessEngine engine) {
    JdbcTemplate jdbc = new JdbcTemplate(engine.getProcessEngineConfiguration().getDataSource());
    StandaloneDecisions decisions = new StandaloneDecisions(engine);
    MaterialFiles files = new MaterialFiles(jdbc);
    checklist = new RequiredMaterials(decisions);
    uploads = new MaterialUploads(files, contentStore(files, jdbc), checklist, decisions, engine,
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())));
    drafts = new ApplicationDrafts(files);
    organisations = new Organisations(jdbc);
  }

  private static ContentStore contentStore(MaterialFiles files, JdbcTemplate jdbc) {
    try {
      return new ContentStore(files, jdbc);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The helper of this engine (one per engine: it keeps the parsed decisions). */
  public static synchronized MaterialDrafts of(ProcessEngine engine) {
    return BY_ENGINE.computeIfAbsent(engine, MaterialDrafts::new);
  }

  /**
   * Uploads as {@code userId} a draft of each required item of {@code application}'s checklist
   * that is not among the user's drafts yet. Nothing for an application the intake refuses for its
   * fields anyway (tests of bad input leave no draft behind).
   */
  public void uploadRequired(String userId, Map<String, Object> application) {
    Map<String, Object> valid;
    try {
      valid = VALIDATOR.validate(application).variables();
    } catch (InvalidInputException refusedBeforeTheMaterials) {
      return;
    }
    String creditCode = organisations.creditCodeOf(userId).orElse((String) valid.get(CREDIT_CODE));
    Set<String> drafted = drafts.draftedItems(userId);
    checklist.of(valid).stream()
        .filter(item -> item.required() && !drafted.contains(item.code()))
        .forEach(item -> uploads.upload(new MaterialUploads.Upload(userId, creditCode, MaterialStep.APPLICATION.code(),
            item.code(), null, item.code() + ".pdf"), new ByteArrayInputStream(PDF)));
  }
}
