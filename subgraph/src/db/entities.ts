import { Member } from '../modules/members/member.entity';
import { LoyaltyCard } from '../modules/members/card.entity';
import { Tier } from '../modules/tiers/tier.entity';
import { AppMeta } from './app-meta.entity';

/** Every entity the ORM knows; a new module adds its entities here. */
export const ENTITIES = [AppMeta, Tier, Member, LoyaltyCard];
