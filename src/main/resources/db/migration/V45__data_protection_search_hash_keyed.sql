-- What the desk searched for is now kept as HMAC-SHA256 under a key from the environment
-- (yourarea.dataprotection.search.secret, dataprotection.SearchHashes), so that the table alone
-- cannot confirm a guess. Rows written before a key was set, or on a site without one, keep plain
-- SHA-256; the desk looks for every form a search may have been kept in, to list its earlier
-- actions about the person searched for.
comment on column data_protection_action.search_hash is
    'Hex HMAC-SHA256 of the search kind and the normalised term under yourarea.dataprotection.search.secret, or its plain SHA-256 where no key was set: the desk finds its earlier actions about a person by it';

create index data_protection_action_search_hash on data_protection_action (search_hash)
    where search_hash is not null;
