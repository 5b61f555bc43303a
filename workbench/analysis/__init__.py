"""How much to believe what was claimed, and why: plain Python over the domain's values.

Corroboration (clusters, independent origins, circular reporting), analysis of competing
hypotheses (ACH) and source track records. Nothing here reads or writes the store: services
hand read models in and call the services again to act on a suggestion.
"""
