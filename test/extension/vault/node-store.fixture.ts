// A store written by the Vault in Node (Node's WebCrypto, the real 600,000 iterations), committed: the browsers'
// WebCrypto must open the same bytes (vault.test.ts). Passphrase: 'fixture passphrase 1'.
export const NODE_STORE = {
  "format": 1,
  "wrapped": {
    "kdf": {
      "name": "PBKDF2-SHA-256",
      "iterations": 600000,
      "salt": "hOg5BZt5LEllHU64NdIHxw=="
    },
    "key": {
      "iv": "KOXJO87gh64EtmaO",
      "data": "qrQMjb84Nv4r4zlKnn5zUM3vmnNrxcLtmyo+yy4E4AFrhMI8vd429XBwcLa53p9W"
    }
  },
  "count": 2,
  "records": {
    "566800a7-6568-4fae-a509-57ba3938b2a1": {
      "iv": "bRbn47VN7PVVn6BJ",
      "data": "VzOGyElSavRG61hQwGymXT7my6PPus5W2xEJ2Hd3PNKjQh7CqhlvKnZDsbXo0PNbdfjMPQIfC71qnjBabT9c73LuDQZ8Y9QtwrebQPb3eB9hHvnPhLk6E8/d/wXZRFlJa27jFURvm6Oiam91X3OrKeWItBN7R17SsTWUPYNfBfl2bcg/p70opJi+f7dXzunwIEwYaO9fMTArJR8RXBFSh4gUusmHyISCVIOoMpmggSto9ILd9IVjXxVu+8r6+qahEx3p2XTbFnnbq/00W3Vp+BR2BjF/ks4Wod//svNVE2dDP2CZuNVv7yo="
    },
    "d9548ee0-6f60-4bbe-99d1-bda765f7cdcc": {
      "iv": "GMsoHu9k2rZ0hfox",
      "data": "58XcXKA75VkgXP745bHKgy4tDC2fgazibcHMY4284QYz40p0UuQGvwAHXmppITynqR9R2CR1IQJ5nkRIzSbH39iyqATeHxJcZi6ZpJV1h2iz4SIiIWkOPrQxC0FWyIckaCTliVtzpYAtboyfoRTOYK4hEYtRlN+i1dFePDURcQkf8pfczndY7OS9F4zFMpjBv8XWFzVraCQVOWP5qMF4R/poxv6ZxzJqGGYwCpgX4D9hB2e2vD8lyOTnSCYKgotcschOQz+XvwLW6E0ZIs3VVGjoYlhKI+XUUuGQi8hJTA=="
    }
  }
};
