//! The `service_settings` table: facts every instance of the service must agree on.

use diesel::prelude::*;

use super::schema::service_settings;
use super::DbConnection;

/// The issuer (`public_base_url`) the cards in this database name.
pub const ISSUER: &str = "issuer";

pub fn get(conn: &mut DbConnection, name: &str) -> QueryResult<Option<String>> {
    service_settings::table
        .find(name)
        .select(service_settings::value)
        .first(conn)
        .optional()
}

pub fn set(conn: &mut DbConnection, name: &str, value: &str) -> QueryResult<()> {
    super::transaction(conn, |conn| {
        diesel::delete(service_settings::table.find(name)).execute(conn)?;
        diesel::insert_into(service_settings::table)
            .values((
                service_settings::name.eq(name),
                service_settings::value.eq(value),
            ))
            .execute(conn)
            .map(drop)
    })
}
