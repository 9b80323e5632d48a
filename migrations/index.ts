import { CreateSchema1795426793848 } from './1795426793848-CreateSchema.js';
import { AddResolutionWorkflow1795429116725 } from './1795429116725-AddResolutionWorkflow.js';
import { AddPreventRecurrence1795433362758 } from './1795433362758-AddPreventRecurrence.js';
import { NumberResolutions1795436035765 } from './1795436035765-NumberResolutions.js';
import { AddCommittees1795437240736 } from './1795437240736-AddCommittees.js';
import { AddAgendaVersions1795440155228 } from './1795440155228-AddAgendaVersions.js';
import { AddDepartmentOutboxMessages1795443185100 } from './1795443185100-AddDepartmentOutboxMessages.js';
import { WatchFirstResponseAfterHandoff1795443846867 } from './1795443846867-WatchFirstResponseAfterHandoff.js';
import { AddDelivery1796198607634 } from './1796198607634-AddDelivery.js';
import { AddCustomerLookups1796207000000 } from './1796207000000-AddCustomerLookups.js';
import { MarkKeepInformedRaised1796210000000 } from './1796210000000-MarkKeepInformedRaised.js';
import { AddKpiAggregates1796211000000 } from './1796211000000-AddKpiAggregates.js';
import { IndexSummaryWords1796212000000 } from './1796212000000-IndexSummaryWords.js';

/** Every migration, oldest first; listed by hand because ES modules cannot be globbed at run time. */
export const MIGRATIONS = [CreateSchema1795426793848, AddResolutionWorkflow1795429116725, AddPreventRecurrence1795433362758, NumberResolutions1795436035765, AddCommittees1795437240736, AddAgendaVersions1795440155228, AddDepartmentOutboxMessages1795443185100, WatchFirstResponseAfterHandoff1795443846867, AddDelivery1796198607634, AddCustomerLookups1796207000000, MarkKeepInformedRaised1796210000000, AddKpiAggregates1796211000000, IndexSummaryWords1796212000000];
