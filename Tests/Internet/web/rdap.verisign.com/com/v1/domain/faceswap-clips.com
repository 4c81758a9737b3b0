{
  "objectClassName": "domain",
  "handle": "2871563094_DOMAIN_COM-VRSN",
  "ldhName": "FACESWAP-CLIPS.COM",
  "links": [
    {"value": "https://rdap.verisign.com/com/v1/domain/FACESWAP-CLIPS.COM", "rel": "self",
     "href": "https://rdap.verisign.com/com/v1/domain/FACESWAP-CLIPS.COM", "type": "application/rdap+json"},
    {"value": "https://rdap.namecheap.com/domain/FACESWAP-CLIPS.COM", "rel": "related",
     "href": "https://rdap.namecheap.com/domain/FACESWAP-CLIPS.COM", "type": "application/rdap+json"}
  ],
  "status": ["client transfer prohibited"],
  "entities": [
    {
      "objectClassName": "entity",
      "handle": "1068",
      "roles": ["registrar"],
      "publicIds": [{"type": "IANA Registrar ID", "identifier": "1068"}],
      "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "NameCheap, Inc."]]],
      "entities": [
        {
          "objectClassName": "entity",
          "roles": ["abuse"],
          "vcardArray": ["vcard", [
            ["version", {}, "text", "4.0"], ["fn", {}, "text", ""],
            ["tel", {"type": "voice"}, "uri", "tel:+1.6613102107"],
            ["email", {}, "text", "abuse@namecheap.com"]
          ]]
        }
      ]
    }
  ],
  "events": [
    {"eventAction": "registration", "eventDate": "2024-02-11T08:14:37Z"},
    {"eventAction": "expiration", "eventDate": "2026-02-11T08:14:37Z"},
    {"eventAction": "last update of RDAP database", "eventDate": "2026-11-25T12:00:00Z"}
  ],
  "secureDNS": {"delegationSigned": false},
  "nameservers": [
    {"objectClassName": "nameserver", "ldhName": "ADA.NS.CLOUDFLARE.COM"},
    {"objectClassName": "nameserver", "ldhName": "BOB.NS.CLOUDFLARE.COM"}
  ],
  "rdapConformance": ["rdap_level_0", "icann_rdap_technical_implementation_guide_0", "icann_rdap_response_profile_0"],
  "notices": [
    {"title": "Terms of Use", "description": ["Service subject to Terms of Use."],
     "links": [{"href": "https://www.verisign.com/domain-names/registration-data-access-protocol/terms-service/index.xhtml", "type": "text/html"}]}
  ]
}
