package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.CERTIFICATE_DEPLOYMENT;

import io.watchkeeper.core.cert.CertificateDeployment;
import io.watchkeeper.core.cert.DeploymentStore;
import io.watchkeeper.db.jooq.tables.records.CertificateDeploymentRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;

/** Certificate deployments in PostgreSQL. */
public final class JooqDeployments implements DeploymentStore {

    private final DSLContext dsl;

    public JooqDeployments(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public CertificateDeployment add(long certificateId, String kind, String target, List<String> reloadCommand,
                                     String probe, String actor) {
        return map(dsl.insertInto(CERTIFICATE_DEPLOYMENT)
                .set(CERTIFICATE_DEPLOYMENT.CERTIFICATE_ID, certificateId)
                .set(CERTIFICATE_DEPLOYMENT.KIND, kind)
                .set(CERTIFICATE_DEPLOYMENT.TARGET, target)
                .set(CERTIFICATE_DEPLOYMENT.RELOAD_COMMAND, reloadCommand.toArray(String[]::new))
                .set(CERTIFICATE_DEPLOYMENT.PROBE, probe)
                .set(CERTIFICATE_DEPLOYMENT.STATUS, "DEPLOYED")
                .set(CERTIFICATE_DEPLOYMENT.CREATED_BY, actor)
                .returning().fetchSingle());
    }

    @Override
    public List<CertificateDeployment> current(long certificateId) {
        return dsl.selectFrom(CERTIFICATE_DEPLOYMENT)
                .where(CERTIFICATE_DEPLOYMENT.CERTIFICATE_ID.eq(certificateId), CERTIFICATE_DEPLOYMENT.STATUS.ne("SUPERSEDED"))
                .orderBy(CERTIFICATE_DEPLOYMENT.ID).fetch(JooqDeployments::map);
    }

    @Override
    public List<CertificateDeployment> all(long certificateId) {
        return dsl.selectFrom(CERTIFICATE_DEPLOYMENT).where(CERTIFICATE_DEPLOYMENT.CERTIFICATE_ID.eq(certificateId))
                .orderBy(CERTIFICATE_DEPLOYMENT.ID).fetch(JooqDeployments::map);
    }

    @Override
    public void setStatus(long deploymentId, String status, String detail) {
        dsl.update(CERTIFICATE_DEPLOYMENT).set(CERTIFICATE_DEPLOYMENT.STATUS, status)
                .set(CERTIFICATE_DEPLOYMENT.DETAIL, detail).set(CERTIFICATE_DEPLOYMENT.UPDATED_AT, OffsetDateTime.now())
                .where(CERTIFICATE_DEPLOYMENT.ID.eq(deploymentId)).execute();
    }

    @Override
    public void setHandle(long deploymentId, String handle) {
        dsl.update(CERTIFICATE_DEPLOYMENT).set(CERTIFICATE_DEPLOYMENT.HANDLE, handle)
                .where(CERTIFICATE_DEPLOYMENT.ID.eq(deploymentId)).execute();
    }

    private static CertificateDeployment map(CertificateDeploymentRecord r) {
        return new CertificateDeployment(r.getId(), r.getCertificateId(), r.getKind(), r.getTarget(),
                List.of(r.getReloadCommand()), r.getProbe(), r.getHandle(), r.getStatus(), r.getDetail());
    }
}
