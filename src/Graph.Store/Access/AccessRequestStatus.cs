namespace Graph.Store.Access;

/// <summary>Where an access request stands in its negotiation (EUCAIM's statuses).</summary>
public enum AccessRequestStatus
{
    /// <summary>Sent by the researcher; no holder has acted yet.</summary>
    Submitted,

    /// <summary>A holder is looking at it (asked a question or started the review).</summary>
    InReview,

    /// <summary>Granted until its grant's expiry: the requester reads the datasets' records.</summary>
    Approved,

    /// <summary>Refused with a reason; final.</summary>
    Rejected,

    /// <summary>Taken back by the requester before a decision; final.</summary>
    Withdrawn,

    /// <summary>Approved once, its grant's time is over; only a holder's revocation may follow.</summary>
    Expired,

    /// <summary>Approved once, then taken back by a holder with a reason: it grants nothing from then on; final.</summary>
    Revoked,
}
