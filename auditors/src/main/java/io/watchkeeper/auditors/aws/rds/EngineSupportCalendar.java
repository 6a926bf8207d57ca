package io.watchkeeper.auditors.aws.rds;

import java.time.LocalDate;
import java.util.Map;

/**
 * End of RDS (or Aurora) standard support per engine and major version, from AWS's published
 * release calendars; a major not listed is unknown and never reported. Checked on 2026-12-07 against:
 * <ul>
 * <li>[A] https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html (RDS for MySQL 5.7)</li>
 * <li>[B] https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/extended-support.html (Aurora MySQL
 *     version 2 = 5.7)</li>
 * <li>[C] https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.MySQL56.EOL.html (Aurora MySQL
 *     version 1 = 5.6)</li>
 * <li>[D] https://aws.amazon.com/blogs/database/upgrade-amazon-rds-and-amazon-aurora-postgresql-version-9-6/</li>
 * <li>[E] https://aws.amazon.com/blogs/database/postgresql-11-upgrade-strategies-for-amazon-aurora-postgresql-and-amazon-rds-for-postgresql
 *     (RDS and Aurora PostgreSQL 11)</li>
 * <li>[F] https://aws.amazon.com/blogs/database/upgrade-strategies-for-amazon-aurora-postgresql-and-amazon-rds-for-postgresql-12</li>
 * <li>[G] https://aws.amazon.com/blogs/database/upgrading-from-amazon-rds-for-mariadb-version-10-2/</li>
 * <li>[M] the "RDS end of standard support date" columns of the RDS calendars
 *     (https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html,
 *     https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MySQL.Concepts.VersionMgmt.html,
 *     https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MariaDB.Concepts.VersionMgmt.html) as mirrored by
 *     endoflife.date (products/amazon-rds-*.md, which scrapes those tables; the AWS tables themselves were not
 *     readable here)</li>
 * </ul>
 * Not verified against any source: PostgreSQL 10 on RDS and Aurora, and Aurora PostgreSQL 13 (Aurora
 * PostgreSQL 11 and 12 end on the RDS dates [E][F]; 13 is assumed to as well).
 */
final class EngineSupportCalendar {

    private EngineSupportCalendar() {}

    static final Map<String, Map<String, LocalDate>> END_OF_STANDARD_SUPPORT = Map.of(
            "postgres", Map.of(
                    // [D]; endoflife.date says 2022-04-30 (a later extension?), not found on an AWS page here
                    "9.6", LocalDate.parse("2022-01-18"),
                    "10", LocalDate.parse("2023-04-17"), // not verified
                    "11", LocalDate.parse("2024-02-29"), // [E]
                    "12", LocalDate.parse("2025-02-28"), // [F]
                    "13", LocalDate.parse("2026-02-28"), // [M]
                    "14", LocalDate.parse("2027-02-28"), // [M]
                    "15", LocalDate.parse("2028-02-29"), // [M]
                    "16", LocalDate.parse("2029-02-28"), // [M]
                    "17", LocalDate.parse("2030-02-28")), // [M]
            "aurora-postgresql", Map.of(
                    "9.6", LocalDate.parse("2022-01-31"), // [D]
                    "10", LocalDate.parse("2023-01-31"), // not verified
                    "11", LocalDate.parse("2024-02-29"), // [E]
                    "12", LocalDate.parse("2025-02-28"), // [F]
                    "13", LocalDate.parse("2026-02-28")), // not verified
            "mysql", Map.of(
                    "5.6", LocalDate.parse("2022-03-01"), // [M]
                    "5.7", LocalDate.parse("2024-02-29"), // [A]
                    "8.0", LocalDate.parse("2026-07-31"), // [M]
                    "8.4", LocalDate.parse("2029-07-31")), // [M]
            "aurora-mysql", Map.of(
                    "5.6", LocalDate.parse("2023-02-28"), // [C]
                    "5.7", LocalDate.parse("2024-10-31")), // [B]
            "mariadb", Map.of(
                    "10.2", LocalDate.parse("2022-10-15"), // [G]
                    "10.3", LocalDate.parse("2023-10-23"), // [M]
                    "10.4", LocalDate.parse("2025-02-28"), // [M]
                    "10.5", LocalDate.parse("2026-02-28"), // [M]
                    "10.6", LocalDate.parse("2026-08-31"), // [M] (moved from 2026-07-31 in 2026)
                    "10.11", LocalDate.parse("2028-02-29"), // [M]
                    "11.4", LocalDate.parse("2029-05-31"), // [M]
                    "11.8", LocalDate.parse("2030-06-30"))); // [M]
}
