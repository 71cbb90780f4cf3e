"""The service directory as open data: a read-only public API at /openreferral/ in the Open
Referral UK standard (HSDS 3.0 and its UK profile), so that other councils' and charities'
directories can use the published services.

One job per module: `identifiers` (the UUIDs HSDS asks for), `selectors` (which services, in
which order, read in a fixed number of queries), `parameters` (the query each address
accepts), `serializers` (the HSDS objects), `pagination` (HSDS's page), `openapi` (the
published OpenAPI document), `views` and `urls`.
"""
