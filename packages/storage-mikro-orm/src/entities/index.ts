import { CommandEntity } from './command.entity';
import { HistoryEntity } from './history.entity';
import { InstanceKeyEntity } from './instance-key.entity';
import { InstanceEntity } from './instance.entity';
import { OutboxEntity } from './outbox.entity';
import { ProductEntity } from './product.entity';
import { ProfileEntity } from './profile.entity';
import { RateBucketEntity } from './rate-bucket.entity';
import { SentNotificationEntity } from './sent-notification.entity';
import { SlaOutcomeEntity } from './sla-outcome.entity';
import { StaffMemberEntity } from './staff-member.entity';
import { TimerEntity } from './timer.entity';
import { WorkItemEntity } from './work-item.entity';

export {
  CommandEntity,
  HistoryEntity,
  InstanceEntity,
  InstanceKeyEntity,
  OutboxEntity,
  ProductEntity,
  ProfileEntity,
  RateBucketEntity,
  SentNotificationEntity,
  SlaOutcomeEntity,
  StaffMemberEntity,
  TimerEntity,
  WorkItemEntity,
};

/**
 * statdesk's tables as MikroORM entity schemas. They define the schema and its migrations; the
 * storage itself talks SQL through the ORM's connection pool (see `mikro-orm-storage.ts`).
 */
export const statdeskEntities = [
  InstanceEntity,
  HistoryEntity,
  TimerEntity,
  OutboxEntity,
  CommandEntity,
  InstanceKeyEntity,
  ProfileEntity,
  ProductEntity,
  SentNotificationEntity,
  RateBucketEntity,
  SlaOutcomeEntity,
  WorkItemEntity,
  StaffMemberEntity,
];
