-- V27's comment on data_protection_action called the kept search a keyed hash. It is not: it is the
-- SHA-256 of "<EMAIL|PHONE|REFERENCE>:<what was searched, normalised>", so someone who can read this
-- table and guesses an address can confirm that it was searched for. Only the data protection desk
-- reads this table.
comment on column data_protection_action.search_hash is
    'SHA-256 (hex, not keyed) of the search kind and the normalised term: lets the desk answer whether a person was searched for; a guessed term can be confirmed';
