-- Published by the neighbourhood feature for the postcode lookup, the busiest query of the site:
-- it must stay one statement per lookup (docs/benchmarks.md), so it joins this view instead of
-- asking the neighbourhood feature in a second round trip. Read-only; other features must not
-- read the neighbourhood table itself.
create view neighbourhood_slug as
select id, slug, retired_on is not null as retired
from neighbourhood;
