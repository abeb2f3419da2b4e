package dev.deskcc.sim.support;

/** The fixture the host tests use. */
public final class TestWorld {
  private TestWorld() {}

  public static final String ADMIN = "tok-alice";
  public static final String AGENT = "tok-bert";
  public static final String EMMA = "tok-emma";
  public static final String OSCAR = "tok-oscar";

  public static final String FIXTURE = """
      {
        "org": {"name": "Acme", "edition": "PROFESSIONAL"},
        "departments": [
          {"key": "hr", "name": "HR Onboarding", "helpCenter": true,
           "supportAddresses": ["onboarding@acme.test"], "fromAddresses": ["noreply@acme.test"],
           "ratingMode": "ON_CLOSE"},
          {"key": "it", "name": "IT", "helpCenter": false,
           "supportAddresses": ["it@acme.test"], "fromAddresses": ["it-noreply@acme.test"],
           "ratingMode": "EVERY_REPLY"},
          {"key": "legal", "name": "Legal", "helpCenter": true,
           "supportAddresses": ["legal@acme.test"], "fromAddresses": ["legal-noreply@acme.test"],
           "ratingMode": "OFF"}
        ],
        "agents": [
          {"key": "alice", "name": "Alice Admin", "email": "alice@acme.test", "admin": true,
           "departments": ["hr", "it", "legal"], "token": "tok-alice"},
          {"key": "bert", "name": "Bert Agent", "email": "bert@acme.test", "admin": false,
           "departments": ["hr", "it", "legal"], "token": "tok-bert"}
        ],
        "contacts": [
          {"key": "emma", "name": "Emma Hire", "email": "emma@example.com", "token": "tok-emma"},
          {"key": "other", "name": "Oscar Outsider", "email": "oscar@example.com", "token": "tok-oscar"},
          {"key": "junk", "email": "junk@spam.test", "status": "SPAM"},
          {"key": "visitor", "name": "Visitor 12", "anonymous": true}
        ]
      }
      """;
}
