{
  "targets": [
    {
      "target_name": "ledger_hash",
      "sources": ["ledger_hash.c"],
      "cflags": ["-O3", "-Wall", "-Wno-deprecated-declarations"]
    }
  ]
}
