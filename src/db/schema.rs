//! The schema, written by hand with types both backends share.

diesel::table! {
    staff (id) {
        id -> Text,
        username -> Text,
        password_hash -> Text,
        role -> Text,
        disabled -> Bool,
        must_change_password -> Bool,
        created_at -> Timestamp,
        factors_reset_at -> Nullable<Timestamp>,
        sign_on_subject -> Nullable<Text>,
    }
}

diesel::table! {
    sessions (token_hash) {
        token_hash -> Text,
        staff_id -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
        awaiting_factor -> Bool,
        factor_due_by -> Nullable<Timestamp>,
        ceremony -> Nullable<Text>,
        signed_on -> Bool,
        site -> Nullable<Text>,
    }
}

diesel::table! {
    sign_on_requests (state_hash) {
        state_hash -> Text,
        browser_hash -> Text,
        nonce -> Text,
        pkce_verifier -> Text,
        next_path -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    staff_factors (id) {
        id -> Text,
        staff_id -> Text,
        kind -> Text,
        label -> Text,
        secret -> Nullable<Text>,
        credential -> Nullable<Text>,
        last_step -> BigInt,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    staff_recovery_codes (code_hash) {
        code_hash -> Text,
        staff_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    login_failures (throttle_key) {
        throttle_key -> Text,
        failures -> Integer,
        last_failure_at -> BigInt,
        next_allowed_at -> BigInt,
    }
}

diesel::table! {
    residents (id) {
        id -> Text,
        key_epoch -> Text,
        key_version -> Integer,
        wrapped_key -> Binary,
        blind_index -> Binary,
        face -> Binary,
        address -> Nullable<Binary>,
        identity_points_met -> Bool,
        residency_points_met -> Bool,
        enrolled_by -> Text,
        enrolled_at -> Timestamp,
        updated_at -> Timestamp,
        destroy_after -> Date,
        address_updated_at -> Nullable<Timestamp>,
        address_key -> Nullable<Binary>,
        enrolled_site -> Nullable<Text>,
    }
}

diesel::table! {
    record_state (id) {
        id -> Integer,
        record_format -> Integer,
    }
}

diesel::table! {
    resident_photos (resident_id) {
        resident_id -> Text,
        photo -> Binary,
    }
}

diesel::table! {
    audit_log (seq) {
        seq -> BigInt,
        recorded_at -> Timestamp,
        actor -> Text,
        action -> Text,
        subject -> Nullable<Text>,
        prev_hash -> Text,
        entry_hash -> Text,
    }
}

diesel::table! {
    audit_head (id) {
        id -> Integer,
        seq -> BigInt,
        entry_hash -> Text,
    }
}

diesel::joinable!(sessions -> staff (staff_id));
diesel::joinable!(staff_factors -> staff (staff_id));
diesel::joinable!(resident_photos -> residents (resident_id));

diesel::table! {
    cards (card_number) {
        card_number -> Text,
        resident_id -> Nullable<Text>,
        status -> Text,
        status_index -> BigInt,
        issue_reason -> Nullable<Text>,
        issued_on -> Date,
        expires_on -> Date,
        issued_at -> Timestamp,
        issued_by -> Nullable<Text>,
        revoked_at -> Nullable<Timestamp>,
        revoke_reason -> Nullable<Text>,
        printed_at -> Nullable<Timestamp>,
        issued_site -> Nullable<Text>,
        printed_site -> Nullable<Text>,
    }
}

diesel::joinable!(cards -> residents (resident_id));

diesel::table! {
    card_deliveries (card_number) {
        card_number -> Text,
        method -> Text,
        pickup_site -> Nullable<Text>,
        ready_at -> Nullable<Timestamp>,
        delivered_at -> Nullable<Timestamp>,
        collect_by -> Nullable<Date>,
    }
}

diesel::joinable!(card_deliveries -> cards (card_number));

diesel::table! {
    purge_runs (id) {
        id -> Text,
        started_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        as_of -> Date,
        trigger_source -> Text,
        outcome -> Text,
        residents_destroyed -> BigInt,
        unissued_destroyed -> BigInt,
        addresses_destroyed -> BigInt,
        sessions_removed -> BigInt,
        audit_entries_removed -> BigInt,
        epochs_destroyed -> Text,
        cards_uncollected -> BigInt,
    }
}

diesel::table! {
    audit_seals (seq) {
        seq -> BigInt,
        entry_hash -> Text,
        sealed_at -> Timestamp,
        key_id -> Text,
        signature -> Text,
    }
}

diesel::table! {
    audit_anchor (id) {
        id -> Integer,
        seq -> BigInt,
        entry_hash -> Text,
    }
}

diesel::table! {
    verification_counts (day) {
        day -> Date,
        checks -> BigInt,
        valid -> BigInt,
        not_valid -> BigInt,
    }
}

diesel::table! {
    program_counts (month, site, metric, category) {
        month -> Date,
        site -> Text,
        metric -> Text,
        category -> Text,
        count -> BigInt,
    }
}

diesel::table! {
    sites (code) {
        code -> Text,
        name -> Text,
        kind -> Text,
        opens_on -> Date,
        closes_on -> Nullable<Date>,
        closed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    staff_sites (staff_id, site) {
        staff_id -> Text,
        site -> Text,
    }
}

diesel::joinable!(staff_sites -> staff (staff_id));
diesel::joinable!(staff_sites -> sites (site));

diesel::table! {
    legal_holds (id) {
        id -> Text,
        reference -> Text,
        scope -> Text,
        enrolled_from -> Nullable<Date>,
        enrolled_to -> Nullable<Date>,
        site -> Nullable<Text>,
        placed_at -> Timestamp,
        placed_by -> Text,
        lifted_at -> Nullable<Timestamp>,
        lifted_by -> Nullable<Text>,
    }
}

diesel::table! {
    held_residents (resident_id) {
        resident_id -> Text,
    }
}

diesel::joinable!(held_residents -> residents (resident_id));

diesel::table! {
    import_runs (id) {
        id -> Text,
        file_sha256 -> Text,
        mapping_sha256 -> Text,
        started_at -> Timestamp,
        updated_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        sittings -> Integer,
        rows_total -> BigInt,
        rows_done -> BigInt,
        imported -> BigInt,
        duplicates -> BigInt,
        cards_issued -> BigInt,
        refused -> Text,
        dropped_columns -> Text,
    }
}

diesel::table! {
    service_settings (name) {
        name -> Text,
        value -> Text,
    }
}

diesel::table! {
    record_census (kind, name) {
        kind -> Text,
        name -> Text,
        held -> BigInt,
        oldest -> Nullable<Date>,
        counted_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    cards,
    card_deliveries,
    staff,
    sessions,
    staff_factors,
    staff_recovery_codes,
    login_failures,
    residents,
    resident_photos,
    audit_log,
    audit_head,
    purge_runs,
    audit_seals,
    audit_anchor,
    verification_counts,
    program_counts,
    record_state,
    service_settings,
    sign_on_requests,
    sites,
    staff_sites,
    legal_holds,
    held_residents,
    import_runs,
    record_census,
);
