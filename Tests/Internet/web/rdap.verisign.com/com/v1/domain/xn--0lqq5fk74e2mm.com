{
  "rdapConformance": [
    "rdap_level_0",
    "icann_rdap_technical_implementation_guide_0",
    "icann_rdap_response_profile_0"
  ],
  "objectClassName": "domain",
  "ldhName": "XN--0LQQ5FK74E2MM.COM",
  "unicodeName": "视频分享.com",
  "status": [
    "client transfer prohibited"
  ],
  "events": [
    {
      "eventAction": "registration",
      "eventDate": "2023-05-02T03:04:05Z"
    },
    {
      "eventAction": "expiration",
      "eventDate": "2027-05-02T03:04:05Z"
    }
  ],
  "entities": [
    {
      "objectClassName": "entity",
      "roles": [
        "registrar"
      ],
      "vcardArray": [
        "vcard",
        [
          [
            "version",
            {},
            "text",
            "4.0"
          ],
          [
            "fn",
            {},
            "text",
            "Alibaba Cloud Computing (Beijing) Co., Ltd."
          ],
          [
            "adr",
            {
              "cc": "CN"
            },
            "text",
            [
              "",
              "",
              "",
              "",
              "",
              "",
              ""
            ]
          ]
        ]
      ],
      "handle": "420",
      "publicIds": [
        {
          "type": "IANA Registrar ID",
          "identifier": "420"
        }
      ],
      "entities": [
        {
          "objectClassName": "entity",
          "roles": [
            "abuse"
          ],
          "vcardArray": [
            "vcard",
            [
              [
                "version",
                {},
                "text",
                "4.0"
              ],
              [
                "fn",
                {},
                "text",
                ""
              ],
              [
                "tel",
                {
                  "type": "voice"
                },
                "uri",
                "tel:+86.95187"
              ],
              [
                "email",
                {},
                "text",
                "DomainAbuse@service.aliyun.com"
              ]
            ]
          ]
        }
      ]
    }
  ]
}
